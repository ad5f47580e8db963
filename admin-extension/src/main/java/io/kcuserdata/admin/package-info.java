/**
 * The pack's REST resources and admin-console pages (see the README's feature list for what is
 * built).
 */
package io.kcuserdata.admin;
