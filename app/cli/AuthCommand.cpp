#include "AuthCommand.h"

#include "CliOutput.h"
#include "CliPrompter.h"
#include "CliWorkspace.h"
#include "run/WorkflowRunner.h"
#include "script/ScriptEngine.h"
#include "script/VariableScope.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace AuthStudio;

namespace {

QJsonObject maskedScope(const Scope &scope, const SecretMasker &masker, bool showSecrets)
{
    if (showSecrets)
        return scope.values();
    QJsonObject masked = masker.maskJson(scope.values()).toObject();
    for (const QString &name : scope.secretNames()) {
        if (masked.contains(name))
            masked.insert(name, SecretMasker::mask());
    }
    return masked;
}

QString stepLine(const StepResult &step, const SecretMasker &masker)
{
    static const QHash<RunOutcome, QString> marks {{RunOutcome::Succeeded, QStringLiteral("ok  ")},
                                                   {RunOutcome::Failed, QStringLiteral("FAIL")},
                                                   {RunOutcome::Cancelled, QStringLiteral("stop")},
                                                   {RunOutcome::Skipped, QStringLiteral("skip")}};
    QString line = QStringLiteral("  %1 %2 %3 %4")
                       .arg(marks.value(step.outcome), step.name.leftJustified(14),
                            stepTypeLabel(step.type).leftJustified(16),
                            CliOutput::duration(step.elapsedNs).rightJustified(10));
    if (!step.detail.isEmpty())
        line += QStringLiteral("  ") + masker.maskText(step.detail);
    if (step.httpStatus)
        line += QStringLiteral(" -> %1").arg(step.httpStatus);
    return line;
}

} // namespace

int AuthCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a resource's auth workflow headless, as the studio's Test does: it keeps no session (query "
        "logs in, keeps the session and uses it). Form values come from --input step.field=VALUE, "
        "else from AUTHSTUDIO_INPUT_<STEP>_<FIELD> environment variables (e.g. "
        "AUTHSTUDIO_INPUT_FORM1_PASSWORD), else from a terminal prompt.\nExit 0 success, 1 workflow "
        "failed, 2 usage or file error."));
    CliOutput::addHelpOption(parser);
    CliWorkspace workspace(CliWorkspace::Inputs | CliWorkspace::Variables | CliWorkspace::DemoServerOption |
                           CliWorkspace::AuthWorkflowRun | CliWorkspace::ScriptTimeout);
    workspace.addOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Prints one machine-readable JSON document.")});
    parser.addOption(
        {QStringLiteral("show-secrets"), QStringLiteral("Prints secret values instead of ********.")});
    if (const std::optional<int> exitCode = CliOutput::parse(parser, arguments))
        return *exitCode;

    if (!workspace.load(parser))
        return CliOutput::UsageError;
    const QString resourceName = workspace.resource().name;
    const Resource *resource = &workspace.resource();
    if (resource->authMethod != Resource::AuthMethod::Custom) {
        CliOutput::err(QStringLiteral("%1: resource \"%2\" doesn't use custom auth")
                           .arg(workspace.file(), resourceName));
        return CliOutput::UsageError;
    }
    if (resource->customAuth.authWorkflow.runsNothing()) {
        // As the studio's Test: nothing to run (it "succeeded" in 0 ms, QA pass 39).
        CliOutput::err(
            QStringLiteral("%1: resource \"%2\" has no enabled auth workflow steps: nothing to run")
                .arg(workspace.file(), resourceName));
        return CliOutput::UsageError;
    }
    const QHash<QString, QString> variables = workspace.variables();

    const Scope initial =
        VariableScope::of(workspace.workspace().variables, variables, VariableScope::Given::MayAdd);

    QNetworkAccessManager network;
    CliPrompter prompter(workspace.inputs());
    WorkflowRunner runner(&network);
    runner.setPrompter(&prompter);
    runner.setScriptTimeoutMs(workspace.scriptTimeoutMs());

    const bool asJson = parser.isSet(QStringLiteral("json"));
    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));
    int exitCode = CliOutput::Success;
    QObject::connect(&runner, &WorkflowRunner::finished, &runner, [&](const RunResult &result) {
        SecretMasker masker(showSecrets ? QSet<QString>() : result.scope.secrets());
        const QString notification = masker.maskText(result.notification);
        if (asJson) {
            QJsonArray steps;
            for (const StepResult &step : result.steps) {
                QJsonObject object {{QStringLiteral("name"), step.name},
                                    {QStringLiteral("type"), stepTypeId(step.type)},
                                    {QStringLiteral("outcome"), runOutcomeId(step.outcome)},
                                    {QStringLiteral("elapsedMs"), double(step.elapsedNs) / 1e6}};
                if (step.httpStatus)
                    object.insert(QStringLiteral("httpStatus"), step.httpStatus);
                if (!step.detail.isEmpty())
                    object.insert(QStringLiteral("request"), masker.maskText(step.detail));
                if (!step.error.isEmpty())
                    object.insert(QStringLiteral("error"), masker.maskText(step.error));
                if (step.type == StepType::JavaScript) {
                    QJsonArray console;
                    for (const ConsoleLine &line : step.console)
                        console.append(line.masked(masker).toJson());
                    object.insert(QStringLiteral("console"), console);
                }
                steps.append(object);
            }
            QJsonArray secretNames;
            for (const QString &name : result.scope.secretNames())
                secretNames.append(name);
            QJsonObject document {{QStringLiteral("resource"), resourceName},
                                  {QStringLiteral("outcome"), runOutcomeId(result.outcome)},
                                  {QStringLiteral("elapsedMs"), double(result.elapsedNs) / 1e6},
                                  {QStringLiteral("steps"), steps},
                                  {QStringLiteral("scope"), maskedScope(result.scope, masker, showSecrets)},
                                  {QStringLiteral("secretNames"), secretNames},
                                  {QStringLiteral("secretsShown"), showSecrets}};
            if (!result.succeeded()) {
                document.insert(QStringLiteral("notification"), notification);
                document.insert(QStringLiteral("failedStep"), result.failedStep);
                document.insert(QStringLiteral("failedField"), result.failedField);
            }
            CliOutput::json(document);
        } else {
            CliOutput::out(QStringLiteral("Auth workflow of \"%1\"").arg(resourceName));
            for (const StepResult &step : result.steps) {
                CliOutput::out(stepLine(step, masker));
                // Under the step that wrote them, a failed one included: what a script logged before it
                // threw is often why.
                for (const ConsoleLine &line : step.console)
                    CliOutput::out(QStringLiteral("    ") +
                                   line.masked(masker).toText(QStringLiteral("        ")));
            }
            if (result.succeeded()) {
                CliOutput::out(QStringLiteral("Succeeded in %1").arg(CliOutput::duration(result.elapsedNs)));
                // QA pass 37 took a successful auth for a login, and found no session after it.
                CliOutput::err(QStringLiteral("note: auth tests the workflow and keeps no session; "
                                              "'authstudio-cli query' logs in and keeps one."));
                CliOutput::out(QStringLiteral("\nScope%1:")
                                   .arg(showSecrets ? QStringLiteral(" (secrets shown)")
                                                    : QStringLiteral(" (secrets masked)")));
                CliOutput::out(QString::fromUtf8(QJsonDocument(maskedScope(result.scope, masker, showSecrets))
                                                     .toJson(QJsonDocument::Indented))
                                   .trimmed());
            }
        }
        if (!result.succeeded()) {
            CliOutput::err(result.outcome == RunOutcome::Cancelled
                               ? QStringLiteral("Cancelled at %1.").arg(result.failedStep)
                               : QStringLiteral("Failed at %1%2: %3")
                                     .arg(result.failedStep,
                                          result.failedField.isEmpty()
                                              ? QString()
                                              : QStringLiteral(" (%1)").arg(result.failedField),
                                          notification));
            exitCode = CliOutput::Failure;
        }
        QCoreApplication::exit(exitCode);
    });
    runner.start(resource->customAuth.authWorkflow, initial);
    QCoreApplication::exec();
    return exitCode;
}
