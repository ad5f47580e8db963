/**
 * Identity-provider mappers and protocol mappers for namespaced user data (see the README's feature
 * list for what is built).
 */
package io.kcuserdata.mappers;
