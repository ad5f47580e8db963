<#-- kc-userdata: Keycloak's footer hook, used to apply the realm's own colour and logo, set as
     realm attributes. Both are checked against strict patterns before they reach the stylesheet:
     a realm attribute must not be able to inject CSS. -->
<#macro content>
  <#assign primary = (realm.attributes["userdata.theme.primary.color"])!"">
  <#assign logo = (realm.attributes["userdata.theme.logo.url"])!"">
  <#assign goodPrimary = primary?matches("#[0-9A-Fa-f]{6}")>
  <#assign goodLogo = logo?matches("https://[A-Za-z0-9._~:/?#@!$&+,;=%-]{1,500}")>
  <#if goodPrimary || goodLogo>
    <style>
      <#if goodPrimary>
      :root { --userdata-primary: ${primary}; }
      </#if>
      <#if goodLogo>
      #kc-header-wrapper::before { content: ""; display: block; height: 64px; margin: 0 auto 8px; background: url("${logo}") center / contain no-repeat; }
      </#if>
    </style>
  </#if>
</#macro>
