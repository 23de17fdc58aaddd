/**
 * Incoming ports: one use case per thing a user asks for, each taking one self-validating request record and
 * returning a result record. Commands (and tests, and any other front end) build a request, call the port and
 * show the result; they do no application work themselves. Implementations live in
 * {@code dev.rareclass.domain.service} and are bound in the application's Guice module.
 */
package dev.rareclass.domain.usecase;
