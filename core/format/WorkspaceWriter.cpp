#include "WorkspaceWriter.h"

#include "WorkspaceFormat.h"
#include "WorkspaceValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace AuthStudio {

namespace {

QJsonArray keyValuesToJson(const KeyValueList &rows)
{
    QJsonArray array;
    for (const KeyValue &row : rows) {
        QJsonObject object {{QStringLiteral("name"), row.name}, {QStringLiteral("value"), row.value}};
        if (!row.enabled)
            object.insert(QStringLiteral("enabled"), false);
        array.append(object);
    }
    return array;
}

QString fieldTypeId(FormField::Type type)
{
    switch (type) {
    case FormField::Type::Text:
        return QStringLiteral("text");
    case FormField::Type::Email:
        return QStringLiteral("email");
    case FormField::Type::Password:
        return QStringLiteral("password");
    }
    return {};
}

QJsonObject bodyToJson(const RequestBody &body)
{
    switch (body.kind) {
    case RequestBody::Kind::None:
        return {{QStringLiteral("kind"), QStringLiteral("none")}};
    case RequestBody::Kind::Json:
        return {{QStringLiteral("kind"), QStringLiteral("json")}, {QStringLiteral("text"), body.text}};
    case RequestBody::Kind::FormUrlEncoded:
        return {{QStringLiteral("kind"), QStringLiteral("form")},
                {QStringLiteral("fields"), keyValuesToJson(body.fields)}};
    case RequestBody::Kind::Raw: {
        QJsonObject object {{QStringLiteral("kind"), QStringLiteral("raw")},
                            {QStringLiteral("text"), body.text}};
        if (!body.contentType.isEmpty())
            object.insert(QStringLiteral("contentType"), body.contentType);
        return object;
    }
    }
    return {};
}

struct StepToJson
{
    QJsonObject operator()(const FormStep &step) const
    {
        QJsonArray fields;
        for (const FormField &field : step.fields) {
            fields.append(QJsonObject {{QStringLiteral("key"), field.key},
                                       {QStringLiteral("label"), field.label},
                                       {QStringLiteral("type"), fieldTypeId(field.type)},
                                       {QStringLiteral("required"), field.required}});
        }
        return {{QStringLiteral("fields"), fields}};
    }
    QJsonObject operator()(const ApiRequestStep &step) const
    {
        QJsonObject object {{QStringLiteral("method"), step.method.toUpper()},
                            {QStringLiteral("url"), step.url}};
        if (!step.headers.isEmpty())
            object.insert(QStringLiteral("headers"), keyValuesToJson(step.headers));
        if (!step.queryParameters.isEmpty())
            object.insert(QStringLiteral("queryParameters"), keyValuesToJson(step.queryParameters));
        if (step.body.kind != RequestBody::Kind::None)
            object.insert(QStringLiteral("body"), bodyToJson(step.body));
        if (step.timeoutMs != ApiRequestStep::DefaultTimeoutMs)
            object.insert(QStringLiteral("timeoutMs"), step.timeoutMs);
        return object;
    }
    QJsonObject operator()(const JavaScriptStep &step) const { return {{QStringLiteral("code"), step.code}}; }
    QJsonObject operator()(const DefineVariableStep &step) const
    {
        return {{QStringLiteral("value"), step.value}, {QStringLiteral("secret"), step.secret}};
    }
};

QJsonArray workflowToJson(const Workflow &workflow)
{
    QJsonArray array;
    for (const Step &step : workflow.steps) {
        QJsonObject object = std::visit(StepToJson {}, step);
        object.insert(QStringLiteral("type"), stepTypeId(stepType(step)));
        object.insert(QStringLiteral("name"), stepName(step));
        if (!stepEnabled(step))
            object.insert(QStringLiteral("enabled"), false);
        array.append(object);
    }
    return array;
}

QString triggerId(CustomAuth::RefreshTrigger trigger)
{
    switch (trigger) {
    case CustomAuth::RefreshTrigger::None:
        return QStringLiteral("none");
    case CustomAuth::RefreshTrigger::TimeBased:
        return QStringLiteral("timeBased");
    case CustomAuth::RefreshTrigger::EveryQuery:
        return QStringLiteral("everyQuery");
    }
    return {};
}

QJsonObject resourceToObject(const Resource &resource)
{
    QJsonObject object {{QStringLiteral("name"), resource.name},
                        {QStringLiteral("kind"), Resource::kindId(resource.kind)},
                        {QStringLiteral("baseUrl"), resource.baseUrl},
                        {QStringLiteral("headers"), keyValuesToJson(resource.headers)},
                        {QStringLiteral("urlParameters"), keyValuesToJson(resource.urlParameters)}};
    if (!resource.bodyDefaults.isEmpty())
        object.insert(QStringLiteral("bodyDefaults"), keyValuesToJson(resource.bodyDefaults));

    const CustomAuth &custom = resource.customAuth;
    QJsonObject auth {{QStringLiteral("method"), Resource::authMethodId(resource.authMethod)}};
    // Written whatever the method, so switching a resource to "none" and back loses nothing.
    {
        QJsonArray statuses;
        for (int status : custom.refreshOnStatuses)
            statuses.append(status);
        QJsonObject refresh {{QStringLiteral("trigger"), triggerId(custom.refreshTrigger)}};
        if (!custom.expiresIn.isEmpty())
            refresh.insert(QStringLiteral("expiresIn"), custom.expiresIn);
        if (!statuses.isEmpty())
            refresh.insert(QStringLiteral("onStatuses"), statuses);
        if (!custom.refreshOnBodyPattern.isEmpty())
            refresh.insert(QStringLiteral("onBodyPattern"), custom.refreshOnBodyPattern);
        auth.insert(QStringLiteral("authWorkflow"), workflowToJson(custom.authWorkflow));
        auth.insert(QStringLiteral("refreshWorkflow"), workflowToJson(custom.refreshWorkflow));
        auth.insert(QStringLiteral("loginTest"),
                    QJsonObject {{QStringLiteral("enabled"), custom.loginTestEnabled},
                                 {QStringLiteral("url"), custom.loginTestUrl}});
        auth.insert(QStringLiteral("runWithoutPrompt"), custom.runWithoutPrompt);
        auth.insert(QStringLiteral("refresh"), refresh);
        auth.insert(QStringLiteral("loginTimeoutSeconds"), custom.loginTimeoutSeconds);
    }
    object.insert(QStringLiteral("auth"), auth);
    return object;
}

QJsonObject header(const QString &format)
{
    return {{QStringLiteral("format"), format},
            {QStringLiteral("formatVersion"), WorkspaceFormat::FormatVersion},
            {QStringLiteral("generator"), QStringLiteral("Auth Studio " AUTHSTUDIO_VERSION)}};
}

} // namespace

QByteArray WorkspaceWriter::toJson(const Workspace &workspace)
{
    QJsonObject root = header(WorkspaceFormat::formatName());
    root.insert(QStringLiteral("name"), workspace.name);
    root.insert(QStringLiteral("variables"), keyValuesToJson(workspace.variables));
    QJsonArray resources;
    for (const Resource &resource : workspace.resources)
        resources.append(resourceToObject(resource));
    root.insert(QStringLiteral("resources"), resources);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray WorkspaceWriter::resourceToJson(const Resource &resource)
{
    QJsonObject root = header(WorkspaceFormat::resourceFormatName());
    root.insert(QStringLiteral("resource"), resourceToObject(resource));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool WorkspaceWriter::writeFile(const Workspace &workspace, const QString &path)
{
    m_error = {};
    const QList<WorkspaceValidator::Problem> problems = WorkspaceValidator::validate(workspace);
    if (!problems.isEmpty()) {
        m_error = {path, problems.first().pointer, problems.first().reason};
        return false;
    }
    return save(toJson(workspace), path);
}

bool WorkspaceWriter::writeResourceFile(const Resource &resource, const QString &path)
{
    m_error = {};
    Workspace single;
    single.resources.append(resource);
    const QList<WorkspaceValidator::Problem> problems = WorkspaceValidator::validate(single);
    if (!problems.isEmpty()) {
        QString pointer = problems.first().pointer;
        m_error = {path, pointer.replace(QStringLiteral("/resources/0"), QStringLiteral("/resource")),
                   problems.first().reason};
        return false;
    }
    return save(resourceToJson(resource), path);
}

bool WorkspaceWriter::writeRecoveryFile(const Workspace &workspace, const QString &path)
{
    m_error = {};
    Workspace kept = workspace;
    for (Resource &resource : kept.resources) {
        for (Workflow *workflow : {&resource.customAuth.authWorkflow, &resource.customAuth.refreshWorkflow}) {
            for (Step &step : workflow->steps) {
                auto *variable = std::get_if<DefineVariableStep>(&step);
                if (variable && WorkspaceValidator::holdsLiteralSecret(*variable))
                    variable->value.clear();
            }
        }
    }
    return save(toJson(kept), path);
}

bool WorkspaceWriter::save(const QByteArray &data, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = {path, {}, QStringLiteral("can't write the file: %1").arg(file.errorString())};
        return false;
    }
    if (file.write(data) != data.size()) {
        m_error = {path, {}, QStringLiteral("writing failed: %1").arg(file.errorString())};
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        m_error = {
            path,
            {},
            QStringLiteral("saving failed, the previous file is unchanged: %1").arg(file.errorString())};
        return false;
    }
    m_written = data;
    return true;
}

} // namespace AuthStudio
