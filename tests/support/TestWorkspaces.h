// TestWorkspaces: the small workflow and workspace builders many suites need (an API Request step, a Define
// variable step, the demo API's login resource), so each suite doesn't grow its own copy.
#pragma once

#include "model/Workspace.h"

namespace AuthStudio::TestWorkspaces {

inline ApiRequestStep apiRequest(const QString &name, const QString &method, const QString &url,
                                 const QString &jsonBody = {})
{
    ApiRequestStep step;
    step.name = name;
    step.method = method;
    step.url = url;
    if (!jsonBody.isEmpty()) {
        step.body.kind = RequestBody::Kind::Json;
        step.body.text = jsonBody;
    }
    return step;
}

inline DefineVariableStep defineVariable(const QString &name, const QString &value, bool secret = true)
{
    DefineVariableStep step;
    step.name = name;
    step.value = value;
    step.secret = secret;
    return step;
}

// The demo API's login as a resource named "api": form → POST /login → TOKEN, REFRESH_TOKEN, EXPIRES_IN;
// refresh → POST /refresh → TOKEN. URLs go through {{ DEMO_API }}.
inline Workspace demoLoginWorkspace(const QString &demoApi)
{
    Resource resource;
    resource.name = QStringLiteral("api");
    resource.baseUrl = QStringLiteral("{{ DEMO_API }}");
    resource.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{ TOKEN }}")}};
    resource.authMethod = Resource::AuthMethod::Custom;
    CustomAuth &auth = resource.customAuth;
    auth.authWorkflow.steps = {
        FormStep::withDefaultFields(QStringLiteral("form1")),
        apiRequest(QStringLiteral("http1"), QStringLiteral("POST"), QStringLiteral("{{ DEMO_API }}/login"),
                   QStringLiteral(R"({"email": "{{ form1.email }}", "password": "{{ form1.password }}"})")),
        defineVariable(QStringLiteral("TOKEN"), QStringLiteral("{{ http1.body.token }}")),
        defineVariable(QStringLiteral("REFRESH_TOKEN"), QStringLiteral("{{ http1.body.refresh_token }}")),
        defineVariable(QStringLiteral("EXPIRES_IN"), QStringLiteral("{{ http1.body.expires_in }}"), false)};
    auth.refreshWorkflow.steps = {
        apiRequest(QStringLiteral("http1"), QStringLiteral("POST"), QStringLiteral("{{ DEMO_API }}/refresh"),
                   QStringLiteral(R"({"refresh_token": "{{ REFRESH_TOKEN }}"})")),
        defineVariable(QStringLiteral("TOKEN"), QStringLiteral("{{ http1.body.token }}"))};
    Workspace workspace;
    workspace.variables = {{QStringLiteral("DEMO_API"), demoApi}};
    workspace.resources = {resource};
    return workspace;
}

} // namespace AuthStudio::TestWorkspaces
