/** The external-claims protocol mapper (see the README's feature list for what is built). */
package io.kcuserdata.claims;
