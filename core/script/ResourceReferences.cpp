#include "ResourceReferences.h"

#include "JavaScriptIdentifier.h"
#include "JavaScriptSource.h"
#include "Template.h"
#include "model/Resource.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <iterator>

namespace AuthStudio::ResourceReferences {

namespace {

// The step types whose default names are a prefix and a number.
constexpr StepType NamedStepTypes[] = {StepType::Form, StepType::ApiRequest, StepType::JavaScript};

void addRootNames(QStringList &names, const QString &text)
{
    if (!text.contains(QLatin1String("{{")))
        return;
    for (const QString &name : Template::parse(text)->rootNames()) {
        if (!names.contains(name))
            names.append(name);
    }
}

// Which texts of a step or resource to read: all that hold expressions, or only those a run evaluates
// (enabled rows, the body kind in use, a login test that is on).
enum class Texts { All, Evaluated };

// A step's texts that may hold {{ expressions }}: an API Request's, a Define variable's value. (A script's
// reads can't be told this way; a form holds none.)
QStringList stepTexts(const Step &step, Texts which)
{
    if (const auto *request = std::get_if<ApiRequestStep>(&step))
        return which == Texts::All ? request->templateTexts() : request->evaluatedTexts();
    if (const auto *variable = std::get_if<DefineVariableStep>(&step))
        return {variable->value};
    return {};
}

// The root names a step's {{ }} fields read.
void addStepRootNames(QStringList &names, const Step &step, Texts which = Texts::All)
{
    for (const QString &text : stepTexts(step, which))
        addRootNames(names, text);
}

// The root names the resource's own fields read (not its workflows').
void addFieldRootNames(QStringList &names, const Resource &resource, Texts which)
{
    addRootNames(names, resource.baseUrl);
    for (const KeyValueList *rows : {&resource.headers, &resource.urlParameters, &resource.bodyDefaults}) {
        for (const KeyValue &row : *rows) {
            if (which == Texts::All || (row.enabled && !row.isBlank())) {
                addRootNames(names, row.name);
                addRootNames(names, row.value);
            }
        }
    }
    if (which == Texts::All || resource.customAuth.loginTestEnabled)
        addRootNames(names, resource.customAuth.loginTestUrl);
    addRootNames(names, resource.customAuth.expiresIn);
}

} // namespace

QStringList outsideNames(const Resource &resource)
{
    QStringList used;
    addFieldRootNames(used, resource, Texts::All);
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
    addFieldRootNames(names, resource, Texts::Evaluated);
    return names;
}

QStringList undefinedFieldNames(const Resource &resource, const QStringList &known)
{
    QStringList defined = known;
    if (resource.authMethod == Resource::AuthMethod::Custom)
        defined += resource.customAuth.authWorkflow.definedVariableNames() +
            resource.customAuth.refreshWorkflow.definedVariableNames();
    QStringList undefined;
    for (const QString &name : fieldNames(resource)) {
        if (!defined.contains(name) && !JavaScriptIdentifier::isBuiltinGlobal(name))
            undefined.append(name);
    }
    return undefined;
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
            for (const QString &text : stepTexts(step, Texts::All)) {
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

QString describe(const UnknownFormField &unknown, const QString &resourceName)
{
    const QString step = resourceName.isEmpty()
        ? QStringLiteral("step \"%1\"").arg(unknown.step)
        : QStringLiteral("step \"%1\" of resource \"%2\"").arg(unknown.step, resourceName);
    return QStringLiteral(
               "%1 reads {{ %2.%3 }}, a field form \"%2\" doesn't have (its fields: %4): a run reads "
               "null there")
        .arg(step, unknown.form, unknown.field,
             unknown.formFields.isEmpty() ? QStringLiteral("none")
                                          : unknown.formFields.join(QStringLiteral(", ")));
}

QStringList stepShapedNames(const QString &code)
{
    QStringList names;
    const qsizetype size = code.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (!JavaScriptIdentifier::isStart(code.at(i)) ||
            (i > 0 && JavaScriptIdentifier::isPart(code.at(i - 1))))
            continue;
        qsizetype end = i + 1;
        while (end < size && JavaScriptIdentifier::isPart(code.at(end)))
            ++end;
        const QStringView word = QStringView(code).mid(i, end - i);
        qsizetype digits = 0;
        while (digits < word.size() && word.at(word.size() - 1 - digits).isDigit())
            ++digits;
        const QStringView prefix = word.first(word.size() - digits);
        const bool shaped = digits > 0 && digits <= 4 &&
            std::any_of(std::begin(NamedStepTypes), std::end(NamedStepTypes),
                        [&prefix](StepType type) { return prefix == stepNamePrefix(type); });
        if (shaped && !names.contains(word))
            names.append(word.toString());
        i = end - 1;
    }
    return names;
}

QList<UndefinedRead> undefinedReads(const Workflow &workflow, const QStringList &known)
{
    QSet<QString> defined(known.cbegin(), known.cend());
    QList<UndefinedRead> undefined;
    QSet<QString> said;
    QStringList stepNames; // what a script's code is looked through for, with its step-shaped names
    for (const Step &step : workflow.steps)
        stepNames.append(stepName(step));
    for (const Step &step : workflow.steps) {
        if (!stepEnabled(step))
            continue; // a run skips it
        QStringList read;
        addStepRootNames(read, step, Texts::Evaluated);
        if (const auto *script = std::get_if<JavaScriptStep>(&step)) {
            QStringList candidates = stepNames + stepShapedNames(script->code);
            candidates.removeIf([&defined](const QString &name) { return defined.contains(name); });
            for (const JavaScriptSource::Range &range : JavaScriptSource::rootReferences(
                     script->code, candidates, JavaScriptSource::Context::Statements))
                read.append(script->code.mid(range.start, range.length));
        }
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

QList<SecretFlagMismatch> secretFlagMismatches(const Resource &resource)
{
    // The last enabled step of a name decides what the session keeps.
    const auto flags = [](const Workflow &workflow) {
        QHash<QString, bool> secret;
        for (const Step &step : workflow.steps) {
            if (const auto *variable = std::get_if<DefineVariableStep>(&step); variable && variable->enabled)
                secret.insert(variable->name, variable->secret);
        }
        return secret;
    };
    const QHash<QString, bool> login = flags(resource.customAuth.authWorkflow);
    const QHash<QString, bool> refresh = flags(resource.customAuth.refreshWorkflow);
    QList<SecretFlagMismatch> mismatches;
    for (const QString &name : resource.customAuth.authWorkflow.definedVariableNames()) {
        const auto other = refresh.constFind(name);
        const bool listed = std::any_of(mismatches.cbegin(), mismatches.cend(),
                                        [&name](const SecretFlagMismatch &m) { return m.name == name; });
        if (!listed && login.contains(name) && other != refresh.cend() && *other != login.value(name))
            mismatches.append({name, login.value(name)});
    }
    return mismatches;
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
