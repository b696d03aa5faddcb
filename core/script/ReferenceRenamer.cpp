#include "ReferenceRenamer.h"

#include "JavaScriptIdentifier.h"
#include "JavaScriptSource.h"
#include "Template.h"
#include "format/WorkspaceValidator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <variant>

namespace AuthStudio {

namespace {

// A name expressions can be written with: an identifier, not a keyword. A step or variable renamed to
// anything else (`class`, `my-token`) leaves the expressions reading it as they were, to follow it back
// when it gets a usable name (QA pass 33: they became {{ class }}).
bool isNameable(const QString &name)
{
    return WorkspaceValidator::isIdentifier(name) && !JavaScriptIdentifier::isReservedWord(name);
}

Workflow &workflowOf(Resource &resource, ReferenceRenamer::WorkflowPart part)
{
    return part == ReferenceRenamer::WorkflowPart::Auth ? resource.customAuth.authWorkflow
                                                        : resource.customAuth.refreshWorkflow;
}

} // namespace

ReferenceRenamer::ReferenceRenamer(const QString &oldName, const QString &newName)
    : m_oldName(oldName)
    , m_newName(newName)
    , m_active(oldName != newName && isNameable(oldName) && isNameable(newName))
{ }

QString ReferenceRenamer::renameCode(const QString &code, JavaScriptSource::Context context) const
{
    return m_root.isEmpty() ? JavaScriptSource::renameReferences(code, m_oldName, m_newName, context)
                            : JavaScriptSource::renameMember(code, m_root, m_oldName, m_newName, context);
}

QString ReferenceRenamer::renameInScript(const QString &code) const
{
    return m_active ? renameCode(code, JavaScriptSource::Context::Statements) : code;
}

QString ReferenceRenamer::renameInTemplate(const QString &text) const
{
    if (!m_active || !text.contains(m_oldName) || !text.contains(QStringLiteral("{{")))
        return text;
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    QString result;
    qsizetype copied = 0;
    for (const Template::Part &part : parsed->parts()) {
        if (part.kind == Template::Part::Kind::Literal || part.sourceStart < 0)
            continue;
        // Inside the braces, spaces included, so the text keeps its layout.
        const qsizetype innerStart = part.sourceStart + 2;
        const qsizetype innerLength = part.sourceLength - 4;
        result += QStringView(text).mid(copied, innerStart - copied);
        result += renameCode(text.mid(innerStart, innerLength), JavaScriptSource::Context::Expression);
        copied = innerStart + innerLength;
    }
    result += QStringView(text).mid(copied);
    return result;
}

QString ReferenceRenamer::renameInJsonTemplate(const QString &json) const
{
    if (!m_active || !json.contains(m_oldName))
        return json;
    QString result;
    qsizetype copied = 0;
    qsizetype i = 0;
    while ((i = json.indexOf(u'"', i)) >= 0) {
        qsizetype end = i + 1;
        while (end < json.size() && json.at(end) != u'"')
            end += json.at(end) == u'\\' ? 2 : 1;
        if (end >= json.size())
            break; // unterminated: leave the rest as it is
        const QString literal = json.mid(i, end + 1 - i);
        if (literal.contains(QStringLiteral("{{"))) {
            // Decode the JSON string, rename in the template it holds, and encode it back.
            const QJsonDocument decoded =
                QJsonDocument::fromJson(QString(QLatin1Char('[') + literal + QLatin1Char(']')).toUtf8());
            if (decoded.isArray() && decoded.array().size() == 1 && decoded.array().first().isString()) {
                const QString text = decoded.array().first().toString();
                const QString renamed = renameInTemplate(text);
                if (renamed != text) {
                    const QString encoded =
                        QString::fromUtf8(QJsonDocument(QJsonArray {renamed}).toJson(QJsonDocument::Compact));
                    result += QStringView(json).mid(copied, i - copied);
                    result += QStringView(encoded).mid(1, encoded.size() - 2);
                    copied = end + 1;
                }
            }
        }
        i = end + 1;
    }
    result += QStringView(json).mid(copied);
    return result;
}

void ReferenceRenamer::renameInKeyValues(KeyValueList &rows) const
{
    for (KeyValue &row : rows) {
        row.name = renameInTemplate(row.name);
        row.value = renameInTemplate(row.value);
    }
}

void ReferenceRenamer::renameInStep(Step &step) const
{
    if (!m_active)
        return;
    if (auto *request = std::get_if<ApiRequestStep>(&step)) {
        request->url = renameInTemplate(request->url);
        renameInKeyValues(request->headers);
        renameInKeyValues(request->queryParameters);
        renameInKeyValues(request->body.fields);
        // The runner reads the text as JSON only for JSON bodies; other kinds keep it as a template.
        request->body.text = request->body.kind == RequestBody::Kind::Json
            ? renameInJsonTemplate(request->body.text)
            : renameInTemplate(request->body.text);
    } else if (auto *script = std::get_if<JavaScriptStep>(&step)) {
        script->code = renameInScript(script->code);
    } else if (auto *variable = std::get_if<DefineVariableStep>(&step)) {
        variable->value = renameInTemplate(variable->value);
    }
    // Form steps hold no expressions.
}

void ReferenceRenamer::renameInResourceFields(Resource &resource) const
{
    if (!m_active)
        return;
    resource.baseUrl = renameInTemplate(resource.baseUrl);
    renameInKeyValues(resource.headers);
    renameInKeyValues(resource.urlParameters);
    renameInKeyValues(resource.bodyDefaults);
    resource.customAuth.loginTestUrl = renameInTemplate(resource.customAuth.loginTestUrl);
    resource.customAuth.expiresIn = renameInTemplate(resource.customAuth.expiresIn);
}

void ReferenceRenamer::renameInWorkflow(Workflow &workflow, qsizetype from, qsizetype to,
                                        bool variableTwins) const
{
    for (qsizetype i = from; i < qMin(to, workflow.steps.size()); ++i) {
        Step &step = workflow.steps[i];
        renameInStep(step);
        if (stepName(step) != m_oldName)
            continue;
        if (!variableTwins || !std::holds_alternative<DefineVariableStep>(step))
            return; // from here on the old name means this step
        setStepName(step, m_newName);
    }
}

Resource ReferenceRenamer::renameFormField(const Resource &resource, WorkflowPart part, int index, int field,
                                           const QString &newKey)
{
    Resource result = resource;
    Workflow &own = workflowOf(result, part);
    if (index < 0 || index >= own.steps.size())
        return result;
    auto *form = std::get_if<FormStep>(&own.steps[index]);
    if (!form || field < 0 || field >= form->fields.size())
        return result;
    const QString oldKey = form->fields.at(field).key;
    form->fields[field].key = newKey;
    ReferenceRenamer renamer(oldKey, newKey);
    renamer.m_root = form->name;
    renamer.m_active = renamer.m_active && isNameable(form->name);
    // Another field of the key already: which one a reference meant could not be told afterwards.
    const bool taken = std::any_of(form->fields.cbegin(), form->fields.cend(), [&](const FormField &other) {
        return &other != &form->fields.at(field) && other.key == newKey;
    });
    if (!renamer.isActive() || taken)
        return result;
    // The later steps of the form's workflow see its values, up to a step that takes its name over.
    for (qsizetype i = index + 1; i < own.steps.size(); ++i) {
        renamer.renameInStep(own.steps[i]);
        if (stepName(own.steps.at(i)) == form->name)
            break;
    }
    return result;
}

Resource ReferenceRenamer::renameStep(const Resource &resource, WorkflowPart part, int index,
                                      const QString &newName)
{
    Resource result = resource;
    Workflow &own = workflowOf(result, part);
    if (index < 0 || index >= own.steps.size())
        return result;
    const QString oldName = stepName(own.steps.at(index));
    const ReferenceRenamer renamer(oldName, newName);
    setStepName(own.steps[index], newName);
    if (!renamer.isActive())
        return result;
    const bool variable = std::holds_alternative<DefineVariableStep>(own.steps.at(index));
    Workflow &auth = result.customAuth.authWorkflow;
    Workflow &refresh = result.customAuth.refreshWorkflow;
    const auto named = [](const Workflow &workflow, const QString &name, qsizetype except) {
        for (qsizetype i = 0; i < workflow.steps.size(); ++i) {
            if (i != except && stepName(workflow.steps.at(i)) == name)
                return true;
        }
        return false;
    };
    // A name another step has already can't tell the two apart: only this step's own name changes. Its
    // references (and a variable's definition in the other workflow) stay as they are, to be flagged,
    // until the names are unique again: rewritten, they would have moved to the other step.
    const Workflow &other = part == WorkflowPart::Auth ? refresh : auth;
    if (named(own, newName, index) || (variable && named(other, newName, -1)))
        return result;
    // Up to a later step of the old name, which its references mean from there on; never that step.
    renamer.renameInWorkflow(own, index + 1, own.steps.size(), false);
    if (!variable)
        return result; // a step's result is seen by the later steps of its workflow only
    // A variable defined twice in its workflow: which definition the session ends up with, and so what
    // the other workflow and the headers read, is the other one's to say.
    if (named(own, oldName, index))
        return result;

    if (part == WorkflowPart::Auth) {
        // The refresh workflow starts from the session, which holds the variable.
        renamer.renameInWorkflow(refresh, 0, refresh.steps.size(), true);
    } else {
        qsizetype defined = -1;
        for (qsizetype i = 0; i < auth.steps.size() && defined < 0; ++i) {
            if (stepName(auth.steps.at(i)) == renamer.oldName())
                defined = i;
        }
        if (defined >= 0 && std::holds_alternative<DefineVariableStep>(auth.steps.at(defined))) {
            setStepName(auth.steps[defined], newName);
            renamer.renameInWorkflow(auth, defined + 1, auth.steps.size(), true);
            // Up to its own definition, the refresh workflow reads the value the auth workflow defined.
            renamer.renameInWorkflow(refresh, 0, index + 1, true);
        }
    }
    renamer.renameInResourceFields(result);
    return result;
}

Workspace ReferenceRenamer::renameVariable(const Workspace &workspace, int index, const QString &newName)
{
    Workspace result = workspace;
    if (index < 0 || index >= result.variables.size())
        return result;
    KeyValue &variable = result.variables[index];
    const ReferenceRenamer renamer(variable.name, newName);
    variable.name = newName;
    // A disabled variable is in no run's scope: the references to its name read nothing of it.
    if (!renamer.isActive() || !variable.enabled)
        return result;
    for (qsizetype i = 0; i < result.variables.size(); ++i) {
        const KeyValue &other = result.variables.at(i);
        // Another variable of the new name (enabled or not: a checkbox away) can't be told apart from
        // this one; one that keeps the old name is what the references still read.
        if (i != index && (other.name == newName || (other.enabled && other.name == renamer.oldName())))
            return result;
    }
    for (const Resource &resource : std::as_const(result.resources)) {
        // Where a step of the new name is in scope, the rewritten references would mean it instead.
        if (resource.customAuth.authWorkflow.hasName(newName) ||
            resource.customAuth.refreshWorkflow.hasName(newName))
            return result;
    }
    for (Resource &resource : result.resources)
        renamer.renameVariableIn(resource);
    return result;
}

void ReferenceRenamer::renameVariableIn(Resource &resource) const
{
    const auto definesVariable = [this](const Workflow &workflow) {
        return std::any_of(workflow.steps.cbegin(), workflow.steps.cend(), [this](const Step &step) {
            const auto *variable = std::get_if<DefineVariableStep>(&step);
            return variable && variable->enabled && variable->name == m_oldName;
        });
    };
    const auto renameUntilHidden = [this](Workflow &workflow) {
        for (Step &step : workflow.steps) {
            renameInStep(step);
            if (stepEnabled(step) && stepName(step) == m_oldName)
                return; // its own fields read the workspace's value; the later ones read the step
        }
    };
    Workflow &auth = resource.customAuth.authWorkflow;
    Workflow &refresh = resource.customAuth.refreshWorkflow;
    const bool authDefines = definesVariable(auth);
    const bool sessionHolds = authDefines || definesVariable(refresh);
    renameUntilHidden(auth);
    if (!authDefines)
        renameUntilHidden(refresh);
    if (!sessionHolds)
        renameInResourceFields(resource);
}

QStringList ReferenceRenamer::clashes(const Resource &resource, WorkflowPart part, int index,
                                      const QString &newName)
{
    const Resource renamed = renameStep(resource, part, index, newName);
    // A probe renaming newName away tells whether a field refers to it.
    const ReferenceRenamer probe(newName, newName + QLatin1Char('_'));
    if (!probe.isActive())
        return {};
    QStringList places;
    const auto checkWorkflow = [&probe, &places](const Workflow &before, const Workflow &after) {
        for (qsizetype i = 0; i < before.steps.size() && i < after.steps.size(); ++i) {
            const Step &original = before.steps.at(i);
            Step rewritten = after.steps.at(i);
            setStepName(rewritten, stepName(original)); // a step's own new name is no clash
            if (rewritten == original)
                continue;
            Step probed = original;
            probe.renameInStep(probed);
            if (!(probed == original))
                places.append(stepName(original));
        }
    };
    checkWorkflow(resource.customAuth.authWorkflow, renamed.customAuth.authWorkflow);
    checkWorkflow(resource.customAuth.refreshWorkflow, renamed.customAuth.refreshWorkflow);

    Resource probed = resource;
    probe.renameInResourceFields(probed);
    const auto checkField = [&places](const QString &label, const auto &original, const auto &rewritten,
                                      const auto &probedValue) {
        if (rewritten != original && probedValue != original)
            places.append(label);
    };
    checkField(QStringLiteral("Base URL"), resource.baseUrl, renamed.baseUrl, probed.baseUrl);
    checkField(QStringLiteral("Headers"), resource.headers, renamed.headers, probed.headers);
    checkField(QStringLiteral("URL parameters"), resource.urlParameters, renamed.urlParameters,
               probed.urlParameters);
    checkField(QStringLiteral("Body defaults"), resource.bodyDefaults, renamed.bodyDefaults,
               probed.bodyDefaults);
    checkField(QStringLiteral("Login test URL"), resource.customAuth.loginTestUrl,
               renamed.customAuth.loginTestUrl, probed.customAuth.loginTestUrl);
    checkField(QStringLiteral("Lifetime"), resource.customAuth.expiresIn, renamed.customAuth.expiresIn,
               probed.customAuth.expiresIn);
    return places;
}

} // namespace AuthStudio
