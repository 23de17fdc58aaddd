/** Outgoing ports: where tables come from, where models and results go. Adapters implement them. */
package dev.rareclass.domain.port;
