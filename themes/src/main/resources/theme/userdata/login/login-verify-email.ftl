<#-- kc-userdata: the verify-email notice, written to say what happened, where to look, how long
     the link lasts, and what to do if nothing arrived. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
  <#if section = "header">
    ${msg("emailVerifyTitle")}
  <#elseif section = "form">
    <div class="userdata-notice" role="status">
      <strong>${msg("userdataVerifyEmailSent")}</strong>
      <#if verifyEmail??>
        ${msg("userdataVerifyEmailTo", verifyEmail)}
      <#elseif (user.email)?has_content>
        ${msg("userdataVerifyEmailTo", user.email)}
      </#if>
      ${msg("userdataVerifyEmailLifespan", realm.verifyEmailActionTokenLifespanMinutes?c)}
    </div>
    <#if isAppInitiatedAction??>
      <form id="kc-verify-email-form" action="${url.loginAction}" method="post">
        <div class="userdata-actions">
          <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit">${msg("emailVerifyResend")}</button>
          <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit" name="cancel-aia" value="true" formnovalidate>${msg("doCancel")}</button>
        </div>
      </form>
    </#if>
  <#elseif section = "info">
    <#if !isAppInitiatedAction??>
      <p>${msg("userdataVerifyEmailNothing")} <a href="${url.loginAction}">${msg("userdataVerifyEmailResend")}</a></p>
    </#if>
  </#if>
</@layout.registrationLayout>
