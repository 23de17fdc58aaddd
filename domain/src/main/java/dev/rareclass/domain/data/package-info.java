/** Tables, binary labels, the label mapping, and stratified splits. */
package dev.rareclass.domain.data;
