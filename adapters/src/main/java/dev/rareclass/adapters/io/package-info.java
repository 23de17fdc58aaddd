/** File helpers shared by adapters: atomic writes, and opening inputs ({@code .gz} read member by member). */
package dev.rareclass.adapters.io;
