#include "QueryCommand.h"

#include "CliOutput.h"
#include "CliPrompter.h"
#include "CliWorkspace.h"
#include "net/QueryClient.h"
#include "net/QueryLines.h"
#include "run/JsonBodyTemplate.h"
#include "run/RequestBuilder.h"
#include "session/SecretStore.h"
#include "session/SessionManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>

#include <climits>

using namespace AuthStudio;

namespace {

// Results are kept one by one only for small runs; large runs keep counts, so memory doesn't grow with
// --repeat.
constexpr int MaxListedQueries = 20;
constexpr int NotSent = -1; // countByStatus's key for queries that never went out

} // namespace

int QueryCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sends queries through a resource, logging in as needed and reusing the session kept by an "
        "earlier run.\nExit 0 when every final attempt succeeded, 1 otherwise, 2 usage or file error."));
    CliOutput::addHelpOption(parser);
    CliWorkspace workspace(CliWorkspace::Inputs | CliWorkspace::Variables | CliWorkspace::DemoServerOption |
                           CliWorkspace::Profile | CliWorkspace::SessionStore | CliWorkspace::Queries |
                           CliWorkspace::ScriptTimeout);
    workspace.addOptions(parser);
    parser.addOption({QStringLiteral("method"), QStringLiteral("HTTP method. Default GET."),
                      QStringLiteral("M"), QStringLiteral("GET")});
    parser.addOption(
        {QStringLiteral("path"),
         QStringLiteral("Path relative to the resource's base URL (or a whole URL on its server)."),
         QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("param"), QStringLiteral("A URL parameter (repeatable)."), QStringLiteral("K=V")});
    parser.addOption(
        {QStringLiteral("header"), QStringLiteral("A header (repeatable)."), QStringLiteral("K:V")});
    parser.addOption({QStringLiteral("body"), QStringLiteral("A JSON body."), QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Sends the query N times. Default 1."),
                      QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("concurrency"),
                      QStringLiteral("At most C queries in flight. Default 1."), QStringLiteral("C"),
                      QStringLiteral("1")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Prints one machine-readable JSON document.")});
    parser.addOption({QStringLiteral("events"),
                      QStringLiteral("Prints the auth event log (logins, refreshes, retries).")});
    parser.addOption(
        {QStringLiteral("show-secrets"), QStringLiteral("Prints secret values instead of ********.")});
    if (const std::optional<int> exitCode = CliOutput::parse(parser, arguments))
        return *exitCode;
    if (!workspace.load(parser))
        return CliOutput::UsageError;

    bool ok = false;
    const int repeat = parser.value(QStringLiteral("repeat")).toInt(&ok);
    if (!ok || repeat < 1) {
        CliOutput::err(QStringLiteral("--repeat: expected a whole number from 1 to %1").arg(INT_MAX));
        return CliOutput::UsageError;
    }
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || concurrency < 1) {
        CliOutput::err(QStringLiteral("--concurrency: expected a whole number from 1 to %1").arg(INT_MAX));
        return CliOutput::UsageError;
    }
    Query query;
    query.method = parser.value(QStringLiteral("method")).toUpper();
    if (const QString problem = RequestBuilder::checkMethod(query.method); !problem.isEmpty()) {
        CliOutput::err(QStringLiteral("--method: ") + problem);
        return CliOutput::UsageError;
    }
    query.path = parser.value(QStringLiteral("path"));
    query.body = parser.value(QStringLiteral("body"));
    if (!query.body.isEmpty()) {
        if (const auto error = JsonBodyTemplate::syntaxError(query.body)) {
            CliOutput::err(QStringLiteral("--body: not valid JSON: %1 at line %2, column %3")
                               .arg(error->reason)
                               .arg(error->line)
                               .arg(error->column));
            return CliOutput::UsageError;
        }
    }
    for (const QString &param : parser.values(QStringLiteral("param"))) {
        KeyValue parameter;
        if (!QueryLines::parseParameter(param, parameter)) {
            // Not echoed: what was typed may be a key or token.
            CliOutput::err(QStringLiteral("--param: expected K=V, with a name before the '='"));
            return CliOutput::UsageError;
        }
        query.parameters.append(parameter);
    }
    for (const QString &text : parser.values(QStringLiteral("header"))) {
        KeyValue header;
        if (!QueryLines::parseHeader(text, header)) {
            CliOutput::err(QStringLiteral("--header: expected K:V, with a name before the ':' (a value alone "
                                          "such as a token isn't echoed)"));
            return CliOutput::UsageError;
        }
        // A name as typed is checked now, before a login could ask for a password: a usage error (exit 2),
        // as other malformed options are. One built by {{ expressions }} is checked when it is sent.
        if (!header.name.contains(QLatin1String("{{"))) {
            if (const QString problem = RequestBuilder::checkHeaderName(header.name); !problem.isEmpty()) {
                CliOutput::err(QStringLiteral("--header '%1': %2").arg(header.name, problem));
                return CliOutput::UsageError;
            }
        }
        query.headers.append(header);
    }

    const bool asJson = parser.isSet(QStringLiteral("json"));
    const bool showEvents = parser.isSet(QStringLiteral("events"));
    const bool showSecrets = parser.isSet(QStringLiteral("show-secrets"));

    QNetworkAccessManager network;
    SessionManager sessions(workspace.createStore());
    QObject::connect(&sessions, &SessionManager::storeUnavailable, &sessions,
                     [](const QString &message) { CliOutput::err(QStringLiteral("note: ") + message); });
    QObject::connect(&sessions, &SessionManager::storeError, &sessions,
                     [](const QString &message) { CliOutput::err(QStringLiteral("warning: ") + message); });
    CliPrompter prompter(workspace.inputs());
    QueryClient client(&network, &sessions, workspace.workspace(), workspace.workspaceId(),
                       workspace.resource().name);
    client.setProfile(workspace.profile());
    client.setScriptTimeoutMs(workspace.scriptTimeoutMs());
    client.setVariableOverrides(workspace.variables());
    client.setPrompter(&prompter);
    client.setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow); // the person running the CLI is the user
    // What a login's or refresh's scripts logged (masked, as the events are) goes to stderr as it ends, or
    // into the event log with --events, where it reads under its login or refresh.
    if (!showEvents) {
        QObject::connect(&client, &QueryClient::eventRecorded, &client, [](const AuthEvent &event) {
            // A lifetime that isn't a number turns time-based refresh off: said, not left to --events.
            if (event.kind == AuthEvent::Kind::Warning)
                CliOutput::err(QStringLiteral("warning: ") + event.message);
            for (const ConsoleLine &line : event.console)
                CliOutput::err(line.toText(QStringLiteral("    ")));
        });
    }

    QMap<int, int> countByStatus; // 0: no reply; NotSent: no request went out (the login failed, say)
    int succeeded = 0;
    int failed = 0;
    int issued = 0;
    int inFlight = 0;
    QJsonArray listed;
    QStringList listedText;
    QElapsedTimer clock;
    clock.start();

    auto masker = [&client, showSecrets]() {
        return showSecrets ? SecretMasker() : SecretMasker(client.secrets());
    };
    std::function<void()> issueMore;
    auto onFinished = [&](PendingQuery *pending, const QueryResult &result) {
        pending->deleteLater();
        --inFlight;
        // A query that never went out (its login failed first) has no request line.
        const bool sent = !result.requestLine.isEmpty();
        ++countByStatus[sent ? result.status() : NotSent];
        result.succeeded ? ++succeeded : ++failed;
        if (repeat <= MaxListedQueries) {
            const SecretMasker mask = masker();
            const QString duration = CliOutput::duration(result.elapsedNs);
            QString line = !sent
                ? QStringLiteral("not sent (%1)").arg(duration)
                : QStringLiteral("%1 %2 (%3)")
                      .arg(result.status() ? QString::number(result.status()) : QStringLiteral("no reply"),
                           mask.maskText(result.requestLine), duration);
            if (result.retried)
                line += result.originalFailure
                    ? QStringLiteral(" retried after %1%2")
                          .arg(result.originalFailure->status)
                          .arg(result.loggedInAgain ? QStringLiteral(" and a new login") : QString())
                    : QStringLiteral(" retried");
            // The body of a lone query's reply is printed whole below it: not on its line too (QA pass 44).
            const bool bodyFollows = repeat == 1 && !asJson && result.response.status;
            if (!result.error.isEmpty()) {
                // The line already begins "not sent": the error's own "Not sent: " is said once.
                const QLatin1String notSent("Not sent: ");
                const QString error = !sent && result.error.startsWith(notSent)
                    ? result.error.mid(notSent.size())
                    : result.error;
                line += QStringLiteral(": ") + mask.maskText(error);
            } else if (!result.succeeded && !bodyFollows)
                line += QStringLiteral(": ") + mask.maskText(result.response.failureText());
            listedText.append(line);
            QJsonObject item {{QStringLiteral("status"), result.status()},
                              {QStringLiteral("succeeded"), result.succeeded},
                              {QStringLiteral("request"), mask.maskText(result.requestLine)},
                              {QStringLiteral("elapsedMs"), double(result.elapsedNs) / 1e6},
                              {QStringLiteral("retried"), result.retried},
                              {QStringLiteral("refreshed"), result.refreshed},
                              {QStringLiteral("loggedInAgain"), result.loggedInAgain},
                              {QStringLiteral("loginRequired"), result.loginRequired}};
            if (result.originalFailure)
                item.insert(QStringLiteral("originalStatus"), result.originalFailure->status);
            if (!result.error.isEmpty())
                item.insert(QStringLiteral("error"), mask.maskText(result.error));
            if (repeat == 1)
                item.insert(QStringLiteral("body"), mask.maskJson(result.response.parsedBody()));
            listed.append(item);
            if (repeat == 1 && !asJson && result.response.status) {
                const QJsonValue body = mask.maskJson(result.response.parsedBody());
                listedText.append(
                    body.isObject()
                        ? QString::fromUtf8(QJsonDocument(body.toObject()).toJson(QJsonDocument::Indented))
                              .trimmed()
                        : body.isArray()
                        ? QString::fromUtf8(QJsonDocument(body.toArray()).toJson(QJsonDocument::Indented))
                              .trimmed()
                        : body.toString());
            }
        }
        if (issued < repeat)
            issueMore();
        else if (inFlight == 0) {
            // Done; wait for the session to reach the store before exiting.
            if (sessions.pendingOperations() == 0)
                QCoreApplication::exit(0);
            else
                QObject::connect(&sessions, &SessionManager::idle, &sessions,
                                 [] { QCoreApplication::exit(0); });
        }
    };
    issueMore = [&] {
        while (inFlight < concurrency && issued < repeat) {
            ++issued;
            ++inFlight;
            PendingQuery *pending = client.send(query);
            QObject::connect(
                pending, &PendingQuery::finished, &client,
                [pending, &onFinished](const QueryResult &result) { onFinished(pending, result); });
        }
    };
    issueMore();
    QCoreApplication::exec();
    const qint64 elapsed = clock.nsecsElapsed();

    const QueryClient::Stats stats = client.stats();
    QStringList byStatus;
    QJsonObject statusObject;
    for (auto it = countByStatus.constBegin(); it != countByStatus.constEnd(); ++it) {
        const QString label = it.key() == NotSent ? QStringLiteral("not sent")
            : it.key()                            ? QString::number(it.key())
                                                  : QStringLiteral("no reply");
        byStatus.append(QStringLiteral("%1 x%2").arg(label).arg(it.value()));
        statusObject.insert(label, it.value());
    }
    const SecretMasker mask = masker();
    if (asJson) {
        QJsonArray events;
        for (const AuthEvent &event : client.events())
            events.append(event.toJson());
        QJsonObject document {{QStringLiteral("resource"), workspace.resource().name},
                              {QStringLiteral("profile"), workspace.profile()},
                              {QStringLiteral("summary"),
                               QJsonObject {{QStringLiteral("queries"), repeat},
                                            {QStringLiteral("succeeded"), succeeded},
                                            {QStringLiteral("failed"), failed},
                                            {QStringLiteral("byStatus"), statusObject},
                                            {QStringLiteral("logins"), stats.logins},
                                            {QStringLiteral("refreshes"), stats.refreshes},
                                            {QStringLiteral("retries"), stats.retries},
                                            {QStringLiteral("loginTests"), stats.loginTests},
                                            {QStringLiteral("failedAuth"), stats.failedAuth},
                                            {QStringLiteral("totalMs"), double(elapsed) / 1e6}}}};
        if (repeat <= MaxListedQueries)
            document.insert(QStringLiteral("queries"), listed);
        if (showEvents)
            document.insert(QStringLiteral("events"), events);
        CliOutput::json(document);
    } else {
        for (const QString &line : listedText)
            CliOutput::out(line);
        if (showEvents && client.events().isEmpty()) {
            CliOutput::out(QStringLiteral("Auth events: none (the session was used as it was)"));
        } else if (showEvents) {
            CliOutput::out(QStringLiteral("Auth events:"));
            for (const AuthEvent &event : client.events()) {
                CliOutput::out(QStringLiteral("  ") + mask.maskText(event.toText()));
                for (const AuthEvent::Step &step : event.steps)
                    CliOutput::out(QStringLiteral("    ") + mask.maskText(step.toText()));
                for (const ConsoleLine &line : event.console)
                    CliOutput::out(QStringLiteral("    ") +
                                   mask.maskText(line.toText(QStringLiteral("        "))));
            }
        }
        // Logins and refreshes that worked; those that failed are counted apart, not left out.
        const QString failedAuth = stats.failedAuth
            ? QStringLiteral(", failed logins or refreshes %1").arg(stats.failedAuth)
            : QString();
        CliOutput::out(QStringLiteral("%1 quer%2: %3 | logins %4, refreshes %5, retries %6%7 | %8 total")
                           .arg(repeat)
                           .arg(repeat == 1 ? QStringLiteral("y") : QStringLiteral("ies"))
                           .arg(byStatus.join(QStringLiteral(", ")))
                           .arg(stats.logins)
                           .arg(stats.refreshes)
                           .arg(stats.retries)
                           .arg(failedAuth, CliOutput::duration(elapsed)));
    }
    return failed == 0 ? CliOutput::Success : CliOutput::Failure;
}
