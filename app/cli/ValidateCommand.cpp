#include "ValidateCommand.h"

#include "CliOutput.h"
#include "format/WorkspaceReader.h"
#include "format/WorkspaceValidator.h"
#include "script/JavaScriptIdentifier.h"
#include "script/ResourceReferences.h"
#include "script/ScriptEngine.h"
#include "script/ScriptSyntaxCheck.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>
#include <optional>

using namespace AuthStudio;

namespace {

// An error for --json: the place split into what a tool can use, a line and column for JSON the file's
// syntax breaks, a JSON pointer ("field") for a rule a value breaks.
QJsonObject errorObject(const FormatError &error)
{
    QJsonObject object {{QStringLiteral("file"), error.file}, {QStringLiteral("message"), error.reason}};
    static const QRegularExpression lineColumn(QStringLiteral("^(\\d+):(\\d+)$"));
    if (const QRegularExpressionMatch match = lineColumn.match(error.place); match.hasMatch()) {
        object.insert(QStringLiteral("line"), match.captured(1).toInt());
        object.insert(QStringLiteral("column"), match.captured(2).toInt());
    } else if (!error.place.isEmpty()) {
        object.insert(QStringLiteral("field"), error.place);
    }
    return object;
}

// Every warning of one resource's own (its workflows, forms, refresh, names), given to `warn`; with the
// workspace's enabled variables, also the names it reads that nothing defines (without, for an export).
void warnOfResource(const Resource &resource, const std::optional<QStringList> &workspaceVariables,
                    ScriptEngine &scripts,
                    const std::function<void(const Resource &, const QStringList &, const QString &)> &warn)
{
    const Workflow &authWorkflow = resource.customAuth.authWorkflow;
    const Workflow &refreshWorkflow = resource.customAuth.refreshWorkflow;
    const bool custom = resource.authMethod == Resource::AuthMethod::Custom;
    // Valid by the file's rules, yet a run would stop at a name nobody defines: a typo ({{ tokn }}) or
    // a variable the workspace lost. What a run evaluates only, as the studio's Test judges it: not a
    // disabled step or row, and a step's name only after it (QA pass 37). An export's names come from
    // the workspace it goes into: said once, as a note, by the caller.
    if (workspaceVariables) {
        const QStringList &variables = *workspaceVariables;
        for (const auto &[workflow, known] :
             {std::pair {&authWorkflow, variables},
              std::pair {&refreshWorkflow, variables + authWorkflow.definedVariableNames()}}) {
            QHash<QString, QStringList> byStep;
            QStringList steps;
            for (const ResourceReferences::UndefinedRead &read : custom
                     ? ResourceReferences::undefinedReads(*workflow, known)
                     : QList<ResourceReferences::UndefinedRead>()) {
                if (!byStep.contains(read.step))
                    steps.append(read.step);
                byStep[read.step].append(read.name);
            }
            for (const QString &step : std::as_const(steps)) {
                warn(resource, byStep.value(step),
                     QStringLiteral("step \"%1\" of resource \"%2\" reads %3, which no enabled workspace "
                                    "variable and no step before it defines: a run stops there")
                         .arg(step, resource.name, ResourceReferences::asExpressions(byStep.value(step))));
            }
        }
        const QStringList undefined = ResourceReferences::undefinedFieldNames(resource, variables);
        if (!undefined.isEmpty()) {
            warn(resource, undefined,
                 QStringLiteral("resource \"%1\" reads %2, which no step of it and no enabled workspace "
                                "variable defines: a run stops there")
                     .arg(resource.name, ResourceReferences::asExpressions(undefined)));
        }
    }
    if (const QString kind = WorkspaceValidator::kindNotRunYet(resource); !kind.isEmpty())
        warn(resource, {}, QStringLiteral("resource \"%1\": %2").arg(resource.name, kind));
    // The workflows whose steps run: a resource without custom auth runs none.
    const QList<const Workflow *> workflows =
        custom ? QList<const Workflow *> {&authWorkflow, &refreshWorkflow} : QList<const Workflow *>();
    // The workflows saved in the file: all of them, whatever the method (WorkspaceWriter keeps them for
    // when custom auth is switched back on).
    const QList<const Workflow *> saved {&authWorkflow, &refreshWorkflow};
    // A credential written into a header, a parameter or a form field goes wherever the file goes,
    // switched off or not (QA passes 45, 46, 47), and is said so: a user looking for it among what is
    // switched on would find nothing. Its value isn't said.
    enum class Rows { Headers, Parameters, FormFields, BodyDefaults };
    const auto warnOfRows = [&](const KeyValueList &rows, Rows kind, const QString &where) {
        const QString noun = kind == Rows::Headers ? QStringLiteral("header")
            : kind == Rows::Parameters             ? QStringLiteral("parameter")
            : kind == Rows::FormFields             ? QStringLiteral("form field")
                                                   : QStringLiteral("body default");
        for (qsizetype row = 0; row < rows.size(); ++row) {
            const KeyValue &line = rows.at(row);
            const QString why = kind == Rows::Headers ? WorkspaceValidator::secretLookingHeader(line)
                                                      : WorkspaceValidator::secretLookingVariable(line);
            if (why.isEmpty())
                continue;
            // Two rows of one name (two Cookie headers) are told apart by their row (QA pass 46).
            const bool named = std::count_if(rows.begin(), rows.end(), [&line](const KeyValue &other) {
                                   return other.name.compare(line.name, Qt::CaseInsensitive) == 0;
                               }) > 1;
            const QString which = (line.enabled ? QString() : QStringLiteral("switched-off ")) +
                (named ? QStringLiteral("%1 '%2' (row %3)").arg(noun, line.name).arg(row + 1)
                       : QStringLiteral("%1 '%2'").arg(noun, line.name));
            warn(
                resource, {},
                QStringLiteral("%1, %2 looks like a secret (%3): it is saved in the file as written; keep it "
                               "out of the file, from a Form field or a secret Define variable step")
                    .arg(where, which, why));
        }
    };
    const QString resourceWhere = QStringLiteral("resource \"%1\"").arg(resource.name);
    warnOfRows(resource.headers, Rows::Headers, resourceWhere);
    warnOfRows(resource.urlParameters, Rows::Parameters, resourceWhere);
    warnOfRows(resource.bodyDefaults, Rows::BodyDefaults, resourceWhere);
    // An address no {{ }} can make an http one: a run fails when it gets there (QA pass 40).
    if (const QString problem = WorkspaceValidator::urlProblem(resource.baseUrl); !problem.isEmpty())
        warn(resource, {},
             QStringLiteral("resource \"%1\", base URL '%2': %3")
                 .arg(resource.name, resource.baseUrl, problem));
    for (const Workflow *workflow : saved) {
        for (const Step &step : workflow->steps) {
            const auto *request = std::get_if<ApiRequestStep>(&step);
            if (!request)
                continue;
            // A resource whose method isn't custom auth still has its steps in the file (QA pass 48: a
            // credential in one was missed once the method was set to None).
            const QString where =
                QStringLiteral("%1step \"%2\" of resource \"%3\"%4")
                    .arg(request->enabled ? QString() : QStringLiteral("switched-off "), request->name,
                         resource.name, custom ? QString() : QStringLiteral(" (custom auth is off)"));
            warnOfRows(request->headers, Rows::Headers, where);
            warnOfRows(request->queryParameters, Rows::Parameters, where);
            if (request->body.kind == RequestBody::Kind::FormUrlEncoded)
                warnOfRows(request->body.fields, Rows::FormFields, where);
            if (!request->enabled || !custom)
                continue; // its address isn't called
            if (const QString problem = WorkspaceValidator::urlProblem(request->url); !problem.isEmpty()) {
                warn(resource, {request->name},
                     QStringLiteral("step \"%1\" of resource \"%2\", URL '%3': %4: a run stops there")
                         .arg(request->name, resource.name, request->url, problem));
            }
        }
    }
    // Code that doesn't compile fails every run at its step; compiled here, none of it runs. Without the
    // JavaScript engine nothing can be compiled: said, so that a check doesn't pass for that (QA pass 41).
    QString noEngine;
    for (const Workflow *workflow : workflows) {
        const bool hasScripts =
            std::any_of(workflow->steps.cbegin(), workflow->steps.cend(), [](const Step &step) {
                return stepEnabled(step) && std::holds_alternative<JavaScriptStep>(step);
            });
        if (hasScripts && noEngine.isEmpty() && !scripts.canRunScripts(&noEngine)) {
            warn(resource, {},
                 QStringLiteral("resource \"%1\": its scripts were not checked: %2")
                     .arg(resource.name, noEngine));
        }
        for (const ScriptSyntaxCheck::Problem &problem : ScriptSyntaxCheck::problems(*workflow, scripts)) {
            warn(resource, {problem.step},
                 QStringLiteral("resource \"%1\", %2 workflow: %3: a run stops there")
                     .arg(resource.name,
                          workflow == &authWorkflow ? QStringLiteral("auth") : QStringLiteral("refresh"),
                          problem.message));
        }
    }
    if (custom && authWorkflow.runsNothing()) {
        warn(resource, {},
             QStringLiteral("resource \"%1\" uses custom auth, but its auth workflow has no enabled steps: a "
                            "login runs nothing and fails")
                 .arg(resource.name));
    }
    for (const QString &missing : {WorkspaceValidator::lifetimeMissing(resource.customAuth),
                                   WorkspaceValidator::loginTestUrlMissing(resource.customAuth)}) {
        if (custom && !missing.isEmpty())
            warn(resource, {}, QStringLiteral("resource \"%1\": %2").arg(resource.name, missing));
    }
    for (const ResourceReferences::SecretFlagMismatch &mismatch : custom
             ? ResourceReferences::secretFlagMismatches(resource)
             : QList<ResourceReferences::SecretFlagMismatch>()) {
        warn(resource, {mismatch.name},
             QStringLiteral("resource \"%1\" keeps %2 %3 after a login and %4 after a refresh (its Define "
                            "variable steps' Secret differ)")
                 .arg(resource.name, mismatch.name,
                      mismatch.secretAfterLogin ? QStringLiteral("secret") : QStringLiteral("not secret"),
                      mismatch.secretAfterLogin ? QStringLiteral("not secret") : QStringLiteral("secret")));
    }
    const QStringList lost = ResourceReferences::authStepsReadByRefresh(resource);
    if (!lost.isEmpty()) {
        warn(resource, lost,
             QStringLiteral("the refresh workflow of resource \"%1\" reads %2, from the auth workflow's "
                            "steps: a refresh starts from the session, which keeps only the variables the "
                            "auth workflow defines, so a refresh stops there")
                 .arg(resource.name, ResourceReferences::asExpressions(lost)));
    }
    // A misspelt or renamed form field reads null, and the run sends that without a word (QA pass 35).
    for (const ResourceReferences::UnknownFormField &unknown :
         ResourceReferences::unknownFormFields(resource)) {
        warn(resource, {unknown.form + QLatin1Char('.') + unknown.field},
             ResourceReferences::describe(unknown, resource.name));
    }
    // Allowed, and it works as documented, but `JSON.parse(...)` in a later script then fails
    // with a puzzling "not a function".
    QStringList builtins;
    for (const Workflow *workflow :
         {&resource.customAuth.authWorkflow, &resource.customAuth.refreshWorkflow}) {
        for (const Step &step : workflow->steps) {
            if (JavaScriptIdentifier::isBuiltinGlobal(stepName(step)) && !builtins.contains(stepName(step)))
                builtins.append(stepName(step));
        }
    }
    if (!builtins.isEmpty()) {
        warn(resource, builtins,
             QStringLiteral("resource \"%1\" has a step named %2, also JavaScript's: the scripts and "
                            "expressions after it see the step's value instead")
                 .arg(resource.name, builtins.join(QStringLiteral(", "))));
    }
}

} // namespace

int ValidateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks a workspace file or a resource export. Exit 0 when valid (with a warning for "
                       "each name a resource reads that its workspace doesn't define), 2 with FILE: PLACE: "
                       "REASON when not."));
    CliOutput::addHelpOption(parser);
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral(
            "The workspace file (.authstudio.json) or resource export (.authstudio-resource.json)."));
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Prints one machine-readable JSON document (ok, errors, warnings) "
                                     "instead of the line on standard output; the exit code is the same.")});
    if (const std::optional<int> exitCode = CliOutput::parse(parser, arguments))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        CliOutput::err(QStringLiteral("usage: authstudio-cli validate [--json] FILE"));
        return CliOutput::UsageError;
    }
    const QString file = parser.positionalArguments().first();
    const bool asJson = parser.isSet(QStringLiteral("json"));
    // Standard error says the same with or without --json; --json only replaces what goes to standard
    // output, so that a script reads one document and a person still sees the problem.
    QJsonObject document {{QStringLiteral("file"), file}};
    QJsonArray warnings;
    QStringList warningLines; // on standard error, after the errors
    // Every error the reader found: a file that breaks several rules lists them all, to fix in one pass.
    const auto finish = [&](const QList<FormatError> &errors, const QString &line) {
        QJsonArray errorObjects;
        for (const FormatError &error : errors) {
            CliOutput::err(error.toString());
            errorObjects.append(errorObject(error));
        }
        for (const QString &warning : warningLines)
            CliOutput::err(warning);
        if (asJson) {
            document.insert(QStringLiteral("ok"), errors.isEmpty());
            document.insert(QStringLiteral("errors"), errorObjects);
            document.insert(QStringLiteral("warnings"), warnings);
            CliOutput::json(document);
        } else if (!line.isEmpty()) {
            CliOutput::out(line);
        }
        return errors.isEmpty() ? CliOutput::Success : CliOutput::UsageError;
    };

    // A warning: on standard error after the errors, and in --json's "warnings".
    const auto warn = [&](const Resource &resource, const QStringList &names, const QString &message) {
        warningLines.append(QStringLiteral("%1: warning: %2").arg(file, message));
        warnings.append(QJsonObject {{QStringLiteral("resource"), resource.name},
                                     {QStringLiteral("names"), QJsonArray::fromStringList(names)},
                                     {QStringLiteral("message"), message}});
    };

    ScriptEngine scripts; // compiles scripts for warnings; the JavaScript plugin loads only for one
    WorkspaceReader reader;
    // Read once, so that a pipe or /dev/stdin can be validated.
    const std::optional<QByteArray> bytes = reader.readBytes(file);
    if (!bytes) {
        document.insert(QStringLiteral("kind"), QStringLiteral("workspace")); // what was asked for
        return finish(reader.errors(), {});
    }
    const QByteArray &data = *bytes;
    if (WorkspaceReader::isResourceExport(data)) {
        document.insert(QStringLiteral("kind"), QStringLiteral("resourceExport"));
        const std::optional<Resource> resource = reader.readResource(data, file);
        if (!resource)
            return finish(reader.errors(), {});
        document.insert(QStringLiteral("resource"), resource->name);
        const QStringList outside = ResourceReferences::outsideNames(*resource);
        document.insert(QStringLiteral("readsFromWorkspace"), QJsonArray::fromStringList(outside));
        if (!outside.isEmpty())
            CliOutput::err(QStringLiteral("%1: note: it reads %2 from the workspace it is imported into")
                               .arg(file, ResourceReferences::asExpressions(outside)));
        // The resource's own warnings, as in a workspace (QA pass 39: an export got none).
        warnOfResource(*resource, std::nullopt, scripts, warn);
        return finish({}, QStringLiteral("%1: valid resource export (\"%2\")").arg(file, resource->name));
    }
    document.insert(QStringLiteral("kind"), QStringLiteral("workspace"));
    const std::optional<Workspace> workspace = reader.read(data, file);
    // A file that breaks only the workspace rules (its shape read fine) gets its warnings too, so that
    // fixing the errors doesn't bring a second round of problems to light (QA pass 24).
    std::optional<Workspace> shaped = workspace;
    if (!workspace)
        shaped = WorkspaceReader().readWithoutRules(data, file);
    if (shaped)
        document.insert(QStringLiteral("resources"), QJsonArray::fromStringList(shaped->resourceNames()));
    // Allowed, but saved as written: a password kept here got no word (QA pass 38).
    for (const KeyValue &variable : shaped ? shaped->variables : KeyValueList()) {
        if (const QString why = WorkspaceValidator::secretLookingVariable(variable); !why.isEmpty()) {
            const QString message =
                QStringLiteral(
                    "workspace variable %1 looks like a secret (%2): workspace variables are saved "
                    "in the file as written; compute secrets in the auth workflow instead")
                    .arg(variable.name, why);
            warningLines.append(QStringLiteral("%1: warning: %2").arg(file, message));
            warnings.append(QJsonObject {{QStringLiteral("variable"), variable.name},
                                         {QStringLiteral("message"), message}});
        }
    }
    for (const Resource &resource : shaped ? shaped->resources : QList<Resource>())
        warnOfResource(resource, shaped->enabledVariableNames(), scripts, warn);
    if (!workspace)
        return finish(reader.errors(), {});
    return finish({},
                  QStringLiteral("%1: valid (%2 resource%3)")
                      .arg(file)
                      .arg(workspace->resources.size())
                      .arg(workspace->resources.size() == 1 ? QString() : QStringLiteral("s")));
}
