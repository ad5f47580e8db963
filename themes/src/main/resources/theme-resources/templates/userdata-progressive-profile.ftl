<#-- kc-userdata: the progressive-profile prompt. Works in any login theme built on Keycloak's
     "template.ftl"; the userdata theme styles it. Errors are tied to their fields with
     aria-describedby so screen readers announce them with the field. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global'); section>
  <#if section = "header">
    ${msg("userdataProgressiveProfileTitle")}
  <#elseif section = "form">
    <p id="userdata-prompt-intro" class="userdata-prompt-intro">${msg("userdataProgressiveProfileIntro")}</p>
    <form id="userdata-progressive-profile-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
      <#list userdataPrompt.fields as field>
        <#if field.labelIsKey>
          <#assign label = msg(field.label)>
          <#if label == field.label><#assign label = field.fallbackLabel></#if>
        <#else>
          <#assign label = advancedMsg(field.label)>
        </#if>
        <#assign error = messagesPerField.get(field.name)>
        <div class="${properties.kcFormGroupClass!} userdata-field">
          <label for="${field.id}" class="${properties.kcLabelClass!}">
            ${label}<#if field.required> <span class="userdata-required" aria-hidden="true">*</span></#if>
          </label>
          <span class="${properties.kcInputClass!}<#if error?has_content> ${properties.kcError!}</#if>">
            <input id="${field.id}" name="${field.name}" type="${field.inputType}" value="${field.value}"
                   <#if field?index == 0>autofocus</#if>
                   <#if field.required>required aria-required="true"</#if>
                   <#if error?has_content>aria-invalid="true" aria-describedby="${field.id}-error"</#if>/>
          </span>
          <#if error?has_content>
            <p id="${field.id}-error" class="userdata-field-error ${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(error)?no_esc}</p>
          </#if>
        </div>
      </#list>
      <div class="${properties.kcFormGroupClass!} userdata-actions">
        <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit" name="userdata-prompt:save" value="true">${msg("userdataProgressiveProfileSave")}</button>
        <#if userdataPrompt.skippable>
          <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit" name="userdata-prompt:skip" value="true" formnovalidate>${msg("userdataProgressiveProfileSkip")}</button>
        </#if>
      </div>
      <#if userdataPrompt.skippable>
        <p class="userdata-prompt-later">${msg("userdataProgressiveProfileLater")}</p>
      </#if>
    </form>
  </#if>
</@layout.registrationLayout>
