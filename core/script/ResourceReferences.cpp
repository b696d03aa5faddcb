#include "ResourceReferences.h"

#include "JavaScriptIdentifier.h"
#include "JavaScriptSource.h"
#include "Template.h"
#include "model/Resource.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace AuthStudio::ResourceReferences {

namespace {

void addRootNames(QStringList &names, const QString &text)
{
    if (!text.contains(QLatin1String("{{")))
        return;
    for (const QString &name : Template::parse(text)->rootNames()) {
        if (!names.contains(name))
            names.append(name);
    }
}

// The root names a step's {{ }} fields read: an API Request's texts, a Define variable's value. (A
// script's reads can't be told this way.)
void addStepRootNames(QStringList &names, const Step &step)
{
    if (const auto *request = std::get_if<ApiRequestStep>(&step)) {
        for (const QString &text : request->templateTexts())
            addRootNames(names, text);
    } else if (const auto *variable = std::get_if<DefineVariableStep>(&step)) {
        addRootNames(names, variable->value);
    }
}

void addRootNames(QStringList &names, const KeyValueList &rows)
{
    for (const KeyValue &row : rows) {
        addRootNames(names, row.name);
        addRootNames(names, row.value);
    }
}

} // namespace

QStringList outsideNames(const Resource &resource)
{
    QStringList used;
    addRootNames(used, resource.baseUrl);
    addRootNames(used, resource.headers);
    addRootNames(used, resource.urlParameters);
    addRootNames(used, resource.bodyDefaults);
    addRootNames(used, resource.customAuth.loginTestUrl);
    addRootNames(used, resource.customAuth.expiresIn);
    QSet<QString> inside;
    for (const Workflow *workflow :
         {&resource.customAuth.authWorkflow, &resource.customAuth.refreshWorkflow}) {
        for (const Step &step : workflow->steps) {
            inside.insert(stepName(step));
            addStepRootNames(used, step); // form steps hold no expressions; a script's reads can't be told
        }
    }
    QStringList outside;
    for (const QString &name : std::as_const(used)) {
        if (!inside.contains(name) && !JavaScriptIdentifier::isBuiltinGlobal(name)) // {{ Math.PI }}
            outside.append(name);
    }
    return outside;
}

QStringList fieldNames(const Resource &resource)
{
    QStringList names;
    addRootNames(names, resource.baseUrl);
    for (const KeyValueList *rows : {&resource.headers, &resource.urlParameters, &resource.bodyDefaults}) {
        for (const KeyValue &row : *rows) {
            if (row.enabled && !row.isBlank()) {
                addRootNames(names, row.name);
                addRootNames(names, row.value);
            }
        }
    }
    if (resource.customAuth.loginTestEnabled)
        addRootNames(names, resource.customAuth.loginTestUrl);
    addRootNames(names, resource.customAuth.expiresIn);
    return names;
}

QStringList authStepsReadByRefresh(const Resource &resource)
{
    const Workflow &auth = resource.customAuth.authWorkflow;
    const QStringList kept = auth.definedVariableNames();
    const Workflow &refresh = resource.customAuth.refreshWorkflow;
    QStringList lost;
    QSet<QString> before; // the refresh steps that ran before the one read: their names are theirs
    const auto check = [&](const QString &name) {
        if (auth.hasName(name) && !kept.contains(name) && !before.contains(name) && !lost.contains(name))
            lost.append(name);
    };
    QStringList authSteps; // what a script is looked through for
    for (const Step &step : auth.steps) {
        if (!kept.contains(stepName(step)))
            authSteps.append(stepName(step));
    }
    for (const Step &step : refresh.steps) {
        QStringList read;
        addStepRootNames(read, step);
        if (const auto *script = std::get_if<JavaScriptStep>(&step)) {
            // A script's references, not its strings, comments or own variables (QA pass 34).
            const QList<JavaScriptSource::Range> found = JavaScriptSource::rootReferences(
                script->code, authSteps, JavaScriptSource::Context::Statements);
            for (const JavaScriptSource::Range &range : found)
                read.append(script->code.mid(range.start, range.length));
        }
        for (const QString &name : std::as_const(read))
            check(name);
        if (stepEnabled(step)) // a run skips a disabled step: its name stays the auth workflow's
            before.insert(stepName(step));
    }
    return lost;
}

QList<UnknownFormField> unknownFormFields(const Resource &resource)
{
    QList<UnknownFormField> unknown;
    for (const Workflow *workflow :
         {&resource.customAuth.authWorkflow, &resource.customAuth.refreshWorkflow}) {
        QHash<QString, QStringList> forms; // the forms a run has been through, by name: their keys
        for (const Step &step : workflow->steps) {
            if (!stepEnabled(step))
                continue; // a run skips it: it reads nothing, and its name is nothing to read
            QStringList texts;
            if (const auto *request = std::get_if<ApiRequestStep>(&step))
                texts = request->templateTexts();
            else if (const auto *variable = std::get_if<DefineVariableStep>(&step))
                texts = {variable->value};
            for (const QString &text : std::as_const(texts)) {
                if (!text.contains(QLatin1String("{{")))
                    continue;
                for (const Template::Part &part : Template::parse(text)->parts()) {
                    if (part.kind != Template::Part::Kind::Path || part.path.size() < 2 ||
                        part.path.at(1).key.isEmpty())
                        continue;
                    const auto form = forms.constFind(part.path.at(0).key);
                    const QString &field = part.path.at(1).key;
                    if (form == forms.cend() || form->contains(field))
                        continue;
                    const bool listed =
                        std::any_of(unknown.cbegin(), unknown.cend(), [&](const UnknownFormField &u) {
                            return u.step == stepName(step) && u.form == form.key() && u.field == field;
                        });
                    if (!listed)
                        unknown.append({stepName(step), form.key(), field, *form});
                }
            }
            // A later step of the name hides the form's fields.
            forms.remove(stepName(step));
            if (const auto *form = std::get_if<FormStep>(&step)) {
                QStringList keys;
                for (const FormField &field : form->fields)
                    keys.append(field.key);
                forms.insert(form->name, keys);
            }
        }
    }
    return unknown;
}

QList<UndefinedRead> undefinedReads(const Workflow &workflow, const QStringList &known)
{
    QSet<QString> defined(known.cbegin(), known.cend());
    QList<UndefinedRead> undefined;
    QSet<QString> said;
    for (const Step &step : workflow.steps) {
        if (!stepEnabled(step))
            continue; // a run skips it
        QStringList texts;
        if (const auto *request = std::get_if<ApiRequestStep>(&step))
            texts = request->evaluatedTexts();
        else if (const auto *variable = std::get_if<DefineVariableStep>(&step))
            texts = {variable->value};
        QStringList read;
        for (const QString &text : std::as_const(texts))
            addRootNames(read, text);
        for (const QString &name : std::as_const(read)) {
            if (!defined.contains(name) && !JavaScriptIdentifier::isBuiltinGlobal(name) &&
                !said.contains(name)) {
                said.insert(name);
                undefined.append({stepName(step), name});
            }
        }
        defined.insert(stepName(step));
    }
    return undefined;
}

QString asExpressions(const QStringList &names)
{
    QStringList written;
    written.reserve(names.size());
    for (const QString &name : names)
        written.append(QStringLiteral("{{ %1 }}").arg(name));
    return written.join(QStringLiteral(", "));
}

} // namespace AuthStudio::ResourceReferences
