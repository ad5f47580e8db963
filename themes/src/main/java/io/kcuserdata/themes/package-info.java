/**
 * The userdata login theme and progressive profiling (see the README's feature list for what is
 * built).
 */
package io.kcuserdata.themes;
