/**
 * The realm's brand for the {@code userdata} login theme (colour, logo), kept as realm attributes
 * and edited on an admin-console tab.
 */
package io.kcuserdata.admin.branding;
