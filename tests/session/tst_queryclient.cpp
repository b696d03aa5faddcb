// The query client against the demo API with tokens that expire on demand: header/parameter/body
// injection, profiles, the login test URL, refresh after failed queries (single flight, at most one retry,
// no loops), time-based and every-query triggers, CR/LF refusal, cross-origin redirects, public mode.
// Counts are read from the server.
#include "demo/DemoServer.h"
#include "format/WorkspaceValidator.h"
#include "net/QueryClient.h"
#include "net/QueryLines.h"
#include "run/PresetPrompter.h"
#include "run/ScriptStepWorker.h"
#include "run/WorkflowRunner.h"
#include "script/SecretMasker.h"
#include "session/Clock.h"
#include "session/FileSecretStore.h"
#include "session/MemorySecretStore.h"
#include "session/SessionManager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "TestWorkspaces.h"

using namespace AuthStudio;

namespace {

using TestWorkspaces::apiRequest;
using TestWorkspaces::defineVariable;

Workspace demoWorkspace(const QUrl &baseUrl)
{
    return TestWorkspaces::demoLoginWorkspace(baseUrl.toString());
}

Query get(const QString &path)
{
    Query query;
    query.path = path;
    return query;
}

} // namespace

class TestQueryClient : public QObject
{
    Q_OBJECT

private:
    DemoServer *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    SessionManager *m_sessions = nullptr;
    PresetPrompter *m_prompter = nullptr;

    std::unique_ptr<QueryClient> client(const Workspace &workspace,
                                        const QString &profile = QStringLiteral("alice"))
    {
        auto result =
            std::make_unique<QueryClient>(m_network, m_sessions, workspace, QStringLiteral("/test/workspace"),
                                          workspace.resources.first().name);
        result->setProfile(profile);
        result->setPrompter(m_prompter);
        return result;
    }

    // A header whose script takes several times WorkflowRunner::InlineScriptMs: built on the worker.
    static QString slowHeader()
    {
        return QStringLiteral("{{ (() => { const end = Date.now() + %1; while (Date.now() < end) {} "
                              "return 'slowly'; })() }}")
            .arg(WorkflowRunner::InlineScriptMs * 6);
    }

    static QueryResult wait(PendingQuery *pending)
    {
        QSignalSpy finished(pending, &PendingQuery::finished);
        if (!pending->isFinished() && !finished.wait(20000))
            return {};
        return pending->result();
    }

    // Logs in through the RunWorkflow policy with a first query.
    static void login(QueryClient &c)
    {
        c.setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        const QueryResult result = wait(c.send(get(QStringLiteral("/me"))));
        QVERIFY2(result.succeeded, qPrintable(result.error + result.response.failureText()));
        QCOMPARE(c.stats().logins, 1);
    }

private Q_SLOTS:
    // A session counts as another server's only when the resource would send it somewhere it wasn't
    // made with: fewer servers than at its login (the login test switched off) send it nowhere new, and
    // were called "another server", naming its own (review of QA pass 47's change).
    void aSessionIsAnotherServersOnlyWhenItWouldGoSomewhereNew()
    {
        const Workspace workspace = demoWorkspace(m_server->baseUrl());
        const auto queries = client(workspace);
        const QString here = AuthSession::originOf(m_server->baseUrl());
        const QString gone = QStringLiteral("http://127.0.0.1:1");
        AuthSession session;
        session.origins = {gone, here};
        QCOMPARE(queries->anotherServerReason(session), QString());
        session.origins = {here};
        QCOMPARE(queries->anotherServerReason(session), QString());
        session.origins = {};
        QCOMPARE(queries->anotherServerReason(session), QString()); // made before origins were kept
        session.origins = {gone};
        QCOMPARE(
            queries->anotherServerReason(session),
            QStringLiteral("the session is for %1, and the resource now sends it to %2").arg(gone, here));
    }

    void init()
    {
        m_server = new DemoServer(this);
        QVERIFY(m_server->listen());
        m_network = new QNetworkAccessManager(this);
        m_sessions = new SessionManager(std::make_unique<MemorySecretStore>(), this);
        m_prompter = new PresetPrompter(this);
        m_prompter->setValue(QStringLiteral("form1.email"), DemoServer::demoEmail());
        m_prompter->setValue(QStringLiteral("form1.password"), DemoServer::demoPassword());
    }
    void cleanup()
    {
        delete m_prompter;
        delete m_sessions;
        delete m_network;
        delete m_server;
    }

    void injectsSessionVariablesIntoHeaderParameterAndBody()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        Resource &resource = workspace.resources.first();
        resource.urlParameters = {{QStringLiteral("t"), QStringLiteral("{{ TOKEN }}")}};
        resource.bodyDefaults = {{QStringLiteral("token"), QStringLiteral("{{ TOKEN }}")}};
        auto c = client(workspace);
        login(*c);
        const QString token = c->session()->variables.value(QStringLiteral("TOKEN")).toString();
        QCOMPARE(token.size(), 64);

        Query query;
        query.method = QStringLiteral("POST");
        query.path = QStringLiteral("/post");
        query.body = QStringLiteral(R"({"note": "hi"})");
        const QueryResult result = wait(c->send(query));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        const QJsonObject echo = result.response.parsedBody().toObject();
        QCOMPARE(echo.value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("Authorization"))
                     .toString(),
                 QStringLiteral("Bearer ") + token);
        // Sent as what it is, not as a browser.
        QCOMPARE(
            echo.value(QStringLiteral("headers")).toObject().value(QStringLiteral("User-Agent")).toString(),
            QStringLiteral("AuthStudio/" AUTHSTUDIO_VERSION));
        QCOMPARE(echo.value(QStringLiteral("args")).toObject().value(QStringLiteral("t")).toString(), token);
        QCOMPARE(echo.value(QStringLiteral("json")).toObject().value(QStringLiteral("token")).toString(),
                 token);
        QCOMPARE(echo.value(QStringLiteral("json")).toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("hi"));
        // The result keeps the body as it went out, filled in, for showing (masked) as the request sent.
        const QJsonObject sentBody = QJsonDocument::fromJson(result.requestBody).object();
        QCOMPARE(sentBody.value(QStringLiteral("token")).toString(), token);
        QCOMPARE(sentBody.value(QStringLiteral("note")).toString(), QStringLiteral("hi"));
        // The session lives in the session store, keyed by profile and resource, never in the workspace.
        QVERIFY(m_sessions->cached(c->sessionKey()).has_value());
    }

    // QA pass 37: the studio kept using (and refreshing, and writing back) a session the CLI had logged out
    // of, so the CLI was logged in again behind the user's back. Each process reads the shared store again
    // before a query.
    void anotherProcesssLogoutAndLoginAreFollowed()
    {
        QTemporaryDir store;
        SessionManager studioSessions(std::make_unique<FileSecretStore>(store.path()));
        SessionManager cliSessions(std::make_unique<FileSecretStore>(store.path()));
        const Workspace workspace = demoWorkspace(m_server->baseUrl());
        const QString name = workspace.resources.first().name;
        QueryClient studio(m_network, &studioSessions, workspace, QStringLiteral("/test/workspace"), name);
        QueryClient cli(m_network, &cliSessions, workspace, QStringLiteral("/test/workspace"), name);
        for (QueryClient *c : {&studio, &cli}) {
            c->setProfile(QStringLiteral("alice"));
            c->setPrompter(m_prompter);
            c->setSessionRereadMs(0); // every query reads the store again
        }
        login(studio);
        QTRY_COMPARE(studioSessions.pendingOperations(), 0);
        cli.setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        QVERIFY(wait(cli.send(get(QStringLiteral("/me")))).succeeded); // the studio's session
        cli.logout();
        QTRY_COMPARE(cliSessions.pendingOperations(), 0);

        studio.setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        QSignalSpy required(&studio, &QueryClient::loginRequired);
        m_server->resetCounters();
        const QueryResult after = wait(studio.send(get(QStringLiteral("/me"))));
        QVERIFY(!after.succeeded);
        QVERIFY(after.loginRequired);
        QCOMPARE(m_server->counters().meRequests, 0); // the old token wasn't sent
        QCOMPARE(required.count(), 1);
        QVERIFY2(required.first().first().toString().contains(QStringLiteral("logged out elsewhere")),
                 qPrintable(required.first().first().toString()));
        QVERIFY(!studioSessions.cached(studio.sessionKey()));

        // A login there is used here, without a login of its own.
        cli.setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        QVERIFY(wait(cli.send(get(QStringLiteral("/me")))).succeeded);
        QTRY_COMPARE(cliSessions.pendingOperations(), 0);
        const QueryResult again = wait(studio.send(get(QStringLiteral("/me"))));
        QVERIFY2(again.succeeded, qPrintable(again.error));
        QCOMPARE(studio.stats().logins, 1); // the first one only
    }

    // QA pass 38: the store was read again only while no earlier read was left "for the next query", so
    // the first query after one that refreshed (or tested) the session skipped the read, refreshed a
    // session logged out elsewhere and wrote it back; and a refresh made elsewhere was made again here.
    // Every query more than SessionRereadMs after the last read reads the store, whatever came before.
    void everyQueryAfterTheRereadTimeReadsTheStore()
    {
        m_server->setTokenLifetime(120);
        QTemporaryDir store;
        SessionManager studioSessions(std::make_unique<FileSecretStore>(store.path()));
        SessionManager cliSessions(std::make_unique<FileSecretStore>(store.path()));
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        CustomAuth &auth = workspace.resources.first().customAuth;
        auth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        auth.expiresIn = QStringLiteral("{{ EXPIRES_IN }}");
        const QString name = workspace.resources.first().name;
        ManualClock clock;
        QueryClient studio(m_network, &studioSessions, workspace, QStringLiteral("/test/workspace"), name);
        QueryClient cli(m_network, &cliSessions, workspace, QStringLiteral("/test/workspace"), name);
        for (QueryClient *c : {&studio, &cli}) {
            c->setProfile(QStringLiteral("alice"));
            c->setPrompter(m_prompter);
            c->setClock(&clock); // the default time between reads, on a clock the test moves
        }
        login(studio);
        QTRY_COMPARE(studioSessions.pendingOperations(), 0);
        m_server->resetCounters();

        // Refreshed elsewhere: the studio uses that refresh rather than making its own.
        clock.advance(121000);
        QVERIFY(wait(cli.send(get(QStringLiteral("/me")))).succeeded);
        QCOMPARE(cli.stats().refreshes, 1);
        QTRY_COMPARE(cliSessions.pendingOperations(), 0);
        clock.advance(2000);
        QVERIFY(wait(studio.send(get(QStringLiteral("/me")))).succeeded);
        QCOMPARE(studio.stats().refreshes, 0);
        QCOMPARE(m_server->counters().refreshes, 1);

        // The studio refreshes at expiry (after reading the store), then the CLI logs out: the studio's
        // next query reads the store, doesn't send the token, and writes nothing back.
        clock.advance(121000);
        QVERIFY(wait(studio.send(get(QStringLiteral("/me")))).succeeded);
        QCOMPARE(studio.stats().refreshes, 1);
        QTRY_COMPARE(studioSessions.pendingOperations(), 0);
        cli.logout();
        QTRY_COMPARE(cliSessions.pendingOperations(), 0);
        clock.advance(2000);
        studio.setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        m_server->resetCounters();
        const QueryResult after = wait(studio.send(get(QStringLiteral("/me"))));
        QVERIFY(after.loginRequired);
        QVERIFY2(after.error.contains(QStringLiteral("logged out elsewhere")), qPrintable(after.error));
        QCOMPARE(m_server->counters().meRequests, 0);
        QTRY_COMPARE(studioSessions.pendingOperations(), 0);
        SessionManager reader(std::make_unique<FileSecretStore>(store.path()));
        std::optional<AuthSession> stored = AuthSession();
        reader.load(studio.sessionKey(), this,
                    [&stored](const std::optional<AuthSession> &s) { stored = s; });
        QTRY_VERIFY(!stored);

        // Logged in elsewhere after that: the studio's next query uses it at once.
        cli.setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        QVERIFY(wait(cli.send(get(QStringLiteral("/me")))).succeeded);
        QTRY_COMPARE(cliSessions.pendingOperations(), 0);
        clock.advance(2000);
        const QueryResult again = wait(studio.send(get(QStringLiteral("/me"))));
        QVERIFY2(again.succeeded, qPrintable(again.error));
    }

    // A whole URL where the path goes (QA pass 38: glued onto the base URL, ".../http://..." and a 404):
    // one on the resource's server is sent as written; another server gets nothing, the session least.
    void aWholeUrlAsThePathStaysOnTheResourcesServer()
    {
        const Workspace workspace = demoWorkspace(m_server->baseUrl());
        auto c = client(workspace);
        login(*c);
        m_server->resetCounters();
        const QueryResult own = wait(c->send(get(m_server->baseUrl().toString() + QStringLiteral("/me"))));
        QVERIFY2(own.succeeded, qPrintable(own.error));
        QCOMPARE(own.requestLine,
                 QStringLiteral("GET ") + m_server->baseUrl().toString() + QStringLiteral("/me"));
        QCOMPARE(m_server->counters().meRequests, 1);

        const QueryResult other = wait(c->send(get(QStringLiteral("http://127.0.0.2:1/me"))));
        QVERIFY(!other.succeeded);
        QVERIFY(!other.loginRequired);
        QVERIFY(other.requestLine.isEmpty()); // not sent
        QCOMPARE(
            other.error,
            QStringLiteral("http://127.0.0.2:1 is on another server than the resource's (%1): queries go "
                           "to the resource's server, with its session; give a path, such as /me")
                .arg(m_server->baseUrl().toString()));
    }

    // When the resource's base URL can't be worked out (its script fails), a whole URL can't be told to be
    // on the resource's server: it is refused rather than sent anywhere with the session.
    void aWholeUrlIsRefusedWhenTheBaseUrlCantBeWorkedOut()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        login(*client(workspace));
        workspace.resources.first().baseUrl =
            QStringLiteral("{{ (() => { throw new Error('no server yet'); })() }}");
        auto c = client(workspace);
        m_server->resetCounters();
        const QueryResult result = wait(c->send(get(m_server->baseUrl().toString() + QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY(result.requestLine.isEmpty()); // not sent
        QCOMPARE(m_server->counters().meRequests, 0);
        QVERIFY2(result.error.contains(QStringLiteral("base URL")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("no server yet")), qPrintable(result.error));
    }

    // A query's own headers and parameters as typed, one a line (the preview's tabs, the CLI's options).
    void queryLinesAreReadOneALine()
    {
        QString error;
        const std::optional<KeyValueList> headers =
            QueryLines::parse(QStringLiteral(" Accept : text/plain \n\nX-Time: 12:30\nX-Empty:"),
                              QueryLines::Kind::Headers, &error);
        QVERIFY2(headers, qPrintable(error));
        QCOMPARE(*headers,
                 (KeyValueList {{QStringLiteral("Accept"), QStringLiteral("text/plain")},
                                {QStringLiteral("X-Time"), QStringLiteral("12:30")},
                                {QStringLiteral("X-Empty"), QString()}}));
        QVERIFY(!QueryLines::parse(QStringLiteral("A: 1\nBearer xyz"), QueryLines::Kind::Headers, &error));
        QCOMPARE(error, QStringLiteral("line 2: expected Name: value"));
        QVERIFY(!QueryLines::parse(QStringLiteral(": v"), QueryLines::Kind::Headers, &error));

        const std::optional<KeyValueList> parameters =
            QueryLines::parse(QStringLiteral("page=2\nflag\nq = a=b"), QueryLines::Kind::Parameters, &error);
        QVERIFY2(parameters, qPrintable(error));
        QCOMPARE(*parameters,
                 (KeyValueList {{QStringLiteral("page"), QStringLiteral("2")},
                                {QStringLiteral("flag"), QString()},
                                {QStringLiteral("q"), QStringLiteral("a=b")}}));
        QVERIFY(!QueryLines::parse(QStringLiteral("=secret"), QueryLines::Kind::Parameters, &error));
        QCOMPARE(error, QStringLiteral("line 1: expected name=value"));
    }

    // A custom-auth resource whose auth workflow runs nothing can't log anyone in (QA pass 39: the login
    // "succeeded" with an empty session, stored it, and the query went out without credentials).
    void aLoginWithNothingToRunFails()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        CustomAuth &auth = workspace.resources.first().customAuth;
        for (Step &step : auth.authWorkflow.steps)
            std::visit([](auto &s) { s.enabled = false; }, step);
        auto c = client(workspace);
        c->setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        QSignalSpy finished(c.get(), &QueryClient::loginFinished);
        m_server->resetCounters();
        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY(result.loginRequired);
        QVERIFY2(result.error.contains(QStringLiteral("has no enabled steps")), qPrintable(result.error));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!c->session());
        QCOMPARE(m_server->counters().meRequests, 0);
        QCOMPARE(c->stats().logins, 0);
    }

    // What the query itself gets wrong is said before a refresh or login is spent on it (QA pass 39: an
    // expired session was refreshed, then the query was "Not sent").
    void aQueryThatCantBeSentSpendsNoRefresh()
    {
        m_server->setTokenLifetime(120);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        CustomAuth &auth = workspace.resources.first().customAuth;
        auth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        auth.expiresIn = QStringLiteral("{{ EXPIRES_IN }}");
        ManualClock clock;
        auto c = client(workspace);
        c->setClock(&clock);
        login(*c);
        clock.advance(121000);
        m_server->resetCounters();

        Query injected = get(QStringLiteral("/me"));
        injected.headers.append({QStringLiteral("X-A"), QStringLiteral("1\r\nInjected: yes")});
        const QueryResult headerResult = wait(c->send(injected));
        QVERIFY(!headerResult.succeeded);
        QVERIFY2(headerResult.error.startsWith(QStringLiteral("Not sent: query, header 'X-A': ")),
                 qPrintable(headerResult.error));

        Query unknown = get(QStringLiteral("/me"));
        unknown.method = QStringLiteral("POST");
        unknown.body = QStringLiteral(R"({"email": "{{ form1.email }}", "token": "{{ TOKEN }}"})");
        const QueryResult bodyResult = wait(c->send(unknown));
        QVERIFY(!bodyResult.succeeded);
        QVERIFY2(bodyResult.error.startsWith(QStringLiteral("Not sent: query, body: unknown name 'form1'")),
                 qPrintable(bodyResult.error));
        QCOMPARE(c->stats().refreshes, 0);
        QCOMPARE(m_server->counters().requests, 0);
    }

    void profilesAreIsolated()
    {
        const Workspace workspace = demoWorkspace(m_server->baseUrl());
        auto alice = client(workspace, QStringLiteral("alice"));
        login(*alice);
        auto bob = client(workspace, QStringLiteral("bob"));
        QSignalSpy required(bob.get(), &QueryClient::loginRequired);
        const QueryResult result = wait(bob->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY(result.loginRequired);
        QCOMPARE(required.count(), 1);
        QVERIFY(!bob->session());
        QCOMPARE(m_server->counters().meRequests, 1); // bob's query never went out
    }

    void loginTestUrlKeepsAValidSession()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.loginTestEnabled = true;
        workspace.resources.first().customAuth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        login(*client(workspace)); // stores alice's session

        auto later = client(workspace); // a new client, as after a restart
        const QueryResult result = wait(later->send(get(QStringLiteral("/me"))));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QCOMPARE(later->stats().loginTests, 1);
        QCOMPARE(later->stats().logins, 0);
        QCOMPARE(m_server->counters().loginTests, 1);
        QCOMPARE(m_server->counters().logins, 1);
    }

    // A login test switched on without a URL is off, and says so once (QA pass 50: it was sent, and failed
    // with an API Request step's "enter the endpoint this step calls").
    void aLoginTestWithoutAUrlIsOffAndSaysSo()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.loginTestEnabled = true;
        workspace.resources.first().customAuth.loginTestUrl = QStringLiteral("  ");
        login(*client(workspace));

        auto later = client(workspace); // a new client, as after a restart
        for (int i = 0; i < 2; ++i) {
            const QueryResult result = wait(later->send(get(QStringLiteral("/me"))));
            QVERIFY2(result.succeeded, qPrintable(result.error));
        }
        QCOMPARE(later->stats().loginTests, 0);
        QCOMPARE(m_server->counters().loginTests, 0);
        QCOMPARE(later->events().size(), 1);
        const AuthEvent warning = later->events().constFirst();
        QCOMPARE(warning.kind, AuthEvent::Kind::Warning);
        QCOMPARE(warning.trigger, AuthEvent::Trigger::LoginTestUrl);
        QCOMPARE(warning.message,
                 WorkspaceValidator::loginTestUrlMissing(workspace.resources.first().customAuth));
        QVERIFY(warning.message.contains(QStringLiteral("has no URL, so it is off")));
    }

    // QA pass 20: a stored session known to have expired (time-based) is refreshed before the login test,
    // which would otherwise fail on the dead token and cost a whole login, the refresh token unused.
    void expiredSessionIsRefreshedBeforeTheLoginTest()
    {
        m_server->setTokenLifetime(120);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        CustomAuth &auth = workspace.resources.first().customAuth;
        auth.loginTestEnabled = true;
        auth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        auth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        auth.expiresIn = QStringLiteral("{{ EXPIRES_IN }}");
        ManualClock clock;
        {
            auto first = client(workspace);
            first->setClock(&clock);
            login(*first); // stores the session
        }
        clock.advance(121000);
        m_server->expireAllTokens();
        auto later = client(workspace); // a new client, as a new process
        later->setClock(&clock);
        const QueryResult result = wait(later->send(get(QStringLiteral("/me"))));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QCOMPARE(later->stats().refreshes, 1);
        QCOMPARE(later->stats().logins, 0);
        QCOMPARE(m_server->counters().logins, 1); // the first client's only
        QCOMPARE(later->events().constFirst().kind, AuthEvent::Kind::Refresh);
        QCOMPARE(later->events().constFirst().trigger, AuthEvent::Trigger::Expiry);
    }

    // A login test that can't be sent (a resource header with a value but no name) says nothing about the
    // session: the query reports the header, and the session stays.
    void loginTestThatCantBeSentKeepsTheSession()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.loginTestEnabled = true;
        workspace.resources.first().customAuth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        login(*client(workspace));
        workspace.resources.first().headers.append({QString(), QStringLiteral("xyz")});
        auto later = client(workspace);
        QSignalSpy required(later.get(), &QueryClient::loginRequired);
        const QueryResult result = wait(later->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY(!result.loginRequired);
        QVERIFY2(result.error.contains(QStringLiteral("header name is empty")), qPrintable(result.error));
        QCOMPARE(required.count(), 0);
        QVERIFY(later->session());
        QCOMPARE(m_server->counters().loginTests, 0);
        const AuthEvent test = later->events().constFirst();
        QCOMPARE(test.kind, AuthEvent::Kind::LoginTest);
        QVERIFY2(test.message.contains(QStringLiteral("not sent")), qPrintable(test.message));
    }

    // A login test that fails with a status the resource refreshes on (any, by default) runs the refresh
    // workflow first (QA pass 38: straight to "login required", the refresh token unused); a login is
    // needed when that fails too.
    void loginTestUrlFailsWithoutPrompting_data()
    {
        QTest::addColumn<bool>("runWithoutPrompt");
        QTest::addColumn<bool>("refreshWorks");
        QTest::newRow("refreshed") << false << true;
        QTest::newRow("refresh fails, prompting: caller is told") << false << false;
        QTest::newRow("refresh fails, run without prompting: logs in silently") << true << false;
    }
    void loginTestUrlFailsWithoutPrompting()
    {
        QFETCH(bool, runWithoutPrompt);
        QFETCH(bool, refreshWorks);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        CustomAuth &auth = workspace.resources.first().customAuth;
        auth.loginTestEnabled = true;
        auth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        auth.runWithoutPrompt = runWithoutPrompt;
        if (!refreshWorks) {
            auto &refresh = std::get<ApiRequestStep>(auth.refreshWorkflow.steps[0]);
            refresh.body.text = QStringLiteral(R"({"refresh_token": "revoked"})");
        }
        login(*client(workspace));
        m_server->expireAllTokens(); // the stored session no longer passes the login test

        auto later = client(workspace); // AskCaller policy, as the studio uses
        QSignalSpy required(later.get(), &QueryClient::loginRequired);
        const QueryResult result = wait(later->send(get(QStringLiteral("/me"))));
        QCOMPARE(m_server->counters().loginTests, 1);
        const AuthEvent refresh = later->events().at(1);
        QCOMPARE(refresh.kind, AuthEvent::Kind::Refresh);
        QCOMPARE(refresh.trigger, AuthEvent::Trigger::LoginTestUrl);
        QCOMPARE(refresh.triggerStatus, 401);
        QCOMPARE(refresh.succeeded, refreshWorks);
        if (refreshWorks) {
            QVERIFY2(result.succeeded, qPrintable(result.error));
            QCOMPARE(later->stats().refreshes, 1);
            QCOMPARE(later->stats().logins, 0);
            QCOMPARE(required.count(), 0);
            QCOMPARE(m_server->counters().logins, 1); // the first client's only
        } else if (runWithoutPrompt) {
            QVERIFY2(result.succeeded, qPrintable(result.error));
            QCOMPARE(later->stats().logins, 1); // the workflow ran; its form was answered by the prompter
            QCOMPARE(required.count(), 0);
            QCOMPARE(m_server->counters().logins, 2);
        } else {
            QVERIFY(!result.succeeded);
            QVERIFY(result.loginRequired);
            QCOMPARE(required.count(), 1);
            QCOMPARE(m_server->counters().logins, 1);
        }
    }

    // A login test that fails with no refresh to try says what it answered (QA pass 42: a mistyped test
    // URL's 404 read as "the session is no longer valid", the 404 nowhere in the studio).
    void aFailedLoginTestSaysWhatItAnswered()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        CustomAuth &auth = workspace.resources.first().customAuth;
        auth.loginTestEnabled = true;
        auth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-tset");
        auth.refreshWorkflow.steps.clear();
        login(*client(workspace));
        auto later = client(workspace);
        QSignalSpy required(later.get(), &QueryClient::loginRequired);
        const QueryResult result = wait(later->send(get(QStringLiteral("/me"))));
        QVERIFY(result.loginRequired);
        QCOMPARE(required.count(), 1);
        QCOMPARE(required.first().first().toString(),
                 QStringLiteral("the session is no longer valid (the login test URL answered HTTP 404)"));
    }

    void checkLoginOnOpening()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.loginTestEnabled = true;
        workspace.resources.first().customAuth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        auto fresh = client(workspace);
        QSignalSpy required(fresh.get(), &QueryClient::loginRequired);
        const QueryResult notYet = wait(fresh->checkLogin());
        QVERIFY(!notYet.succeeded);
        QVERIFY(notYet.loginRequired);
        QCOMPARE(required.count(), 1);
        login(*fresh);

        auto reopened = client(workspace);
        m_server->resetCounters();
        QVERIFY(wait(reopened->checkLogin()).succeeded);
        QCOMPARE(m_server->counters().loginTests, 1);
        QCOMPARE(m_server->counters().meRequests, 0); // no query was sent
    }

    // The login test sends the resource's headers: one whose script runs long is built off the client's
    // thread too, so opening the preview doesn't hold the window, and it ends at the script timeout.
    void aLoginTestWithALongExpressionLeavesTheEventLoopFree()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.loginTestEnabled = true;
        workspace.resources.first().customAuth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        login(*client(workspace));

        workspace.resources.first().headers.append(
            {QStringLiteral("X-Slow"), QStringLiteral("{{ (() => { for (;;) {} })() }}")});
        auto reopened = client(workspace);
        reopened->setScriptTimeoutMs(300);
        m_server->resetCounters();
        PendingQuery *check = reopened->checkLogin();
        QSignalSpy finished(check, &PendingQuery::finished);
        QTRY_VERIFY(reopened->findChild<ScriptStepWorker *>());
        bool ticked = false;
        QTimer::singleShot(0, reopened.get(), [&ticked] { ticked = true; });
        QTRY_VERIFY(ticked);
        QVERIFY(!check->isFinished()); // the loop went on while the header's script ran
        QVERIFY(finished.wait(20000));
        QCOMPARE(m_server->counters().loginTests, 0); // it couldn't be sent
        const QList<AuthEvent> &events = reopened->events();
        const auto test = std::find_if(events.cbegin(), events.cend(), [](const AuthEvent &event) {
            return event.kind == AuthEvent::Kind::LoginTest;
        });
        QVERIFY(test != events.cend());
        QVERIFY2(test->message.contains(QStringLiteral("stopped after running for 0.3 s")),
                 qPrintable(test->message));
    }

    // A session's expiry is said in events only while the resource refreshes on expiry: after a switch to
    // another trigger, the login test said "expires in 0 s" of a lifetime that no longer counts (QA pass 44).
    void eventsSayTheExpiryOnlyWhileItCounts()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        CustomAuth &auth = workspace.resources.first().customAuth;
        auth.loginTestEnabled = true;
        auth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        auth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        auth.expiresIn = QStringLiteral("3600");
        login(*client(workspace));
        const auto loginTestExpiry = [this](const Workspace &shown) {
            auto c = client(shown);
            if (!wait(c->checkLogin()).succeeded)
                return qint64(-2);
            const QList<AuthEvent> &events = c->events();
            const auto test = std::find_if(events.cbegin(), events.cend(), [](const AuthEvent &e) {
                return e.kind == AuthEvent::Kind::LoginTest;
            });
            return test == events.cend() ? qint64(-3) : test->expiresInSeconds;
        };
        QVERIFY(loginTestExpiry(workspace) > 3500);
        auth.refreshTrigger = CustomAuth::RefreshTrigger::EveryQuery;
        QCOMPARE(loginTestExpiry(workspace), qint64(-1));
    }

    void refreshAfter401ThenRetrySucceeds()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        login(*c);
        m_server->expireAllTokens();
        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QVERIFY(result.retried);
        QVERIFY(result.refreshed);
        QVERIFY(!result.loggedInAgain);
        QCOMPARE(result.originalFailure->status, 401);
        QCOMPARE(m_server->counters().refreshes, 1);
        QCOMPARE(c->stats().refreshes, 1);
        QCOMPARE(c->stats().retries, 1);
        const QList<AuthEvent> &events = c->events();
        QVERIFY(std::any_of(events.begin(), events.end(), [](const AuthEvent &e) {
            return e.kind == AuthEvent::Kind::Refresh && e.trigger == AuthEvent::Trigger::FailedQuery &&
                e.triggerStatus == 401 && e.succeeded;
        }));
    }

    // A login's and a refresh's events name the requests they made and the replies' status, and the step
    // a failed one stopped at; a secret in a request's address is masked there.
    void authEventsNameTheirRequests()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        auto &refresh =
            std::get<ApiRequestStep>(workspace.resources.first().customAuth.refreshWorkflow.steps[0]);
        refresh.url = QStringLiteral("{{ DEMO_API }}/refresh?hint={{ REFRESH_TOKEN }}");
        auto c = client(workspace);
        login(*c);
        const QString refreshToken =
            c->session()->variables.value(QStringLiteral("REFRESH_TOKEN")).toString();
        QVERIFY(!refreshToken.isEmpty());
        m_server->expireAllTokens();
        QVERIFY(wait(c->send(get(QStringLiteral("/me")))).succeeded);

        const QList<AuthEvent> &events = c->events();
        const auto loginEvent = std::find_if(events.begin(), events.end(), [](const AuthEvent &e) {
            return e.kind == AuthEvent::Kind::Login;
        });
        QVERIFY(loginEvent != events.end());
        // form1 and the variables worked and sent nothing: only the request is told.
        QCOMPARE(loginEvent->steps.size(), 1);
        QCOMPARE(loginEvent->steps.first().name, QStringLiteral("http1"));
        QCOMPARE(loginEvent->steps.first().httpStatus, 200);
        QCOMPARE(loginEvent->steps.first().request,
                 QStringLiteral("POST %1/login").arg(m_server->baseUrl().toString()));
        const auto refreshEvent = std::find_if(events.begin(), events.end(), [](const AuthEvent &e) {
            return e.kind == AuthEvent::Kind::Refresh;
        });
        QVERIFY(refreshEvent != events.end());
        QCOMPARE(refreshEvent->steps.size(), 1);
        const AuthEvent::Step &step = refreshEvent->steps.first();
        QCOMPARE(step.outcome, QStringLiteral("succeeded"));
        QCOMPARE(step.request,
                 QStringLiteral("POST %1/refresh?hint=%2")
                     .arg(m_server->baseUrl().toString(), SecretMasker::mask()));
        QCOMPARE(step.toText(),
                 QStringLiteral("http1: POST %1/refresh?hint=%2 -> HTTP 200 (%3 ms)")
                     .arg(m_server->baseUrl().toString(), SecretMasker::mask())
                     .arg(step.durationMs));
        const QJsonObject json = refreshEvent->toJson();
        QCOMPARE(
            json.value(QStringLiteral("steps")).toArray().first().toObject().value(QStringLiteral("status")),
            QJsonValue(200));
        QVERIFY(!QString::fromUtf8(QJsonDocument(json).toJson()).contains(refreshToken));

        // A refresh that fails says at which request, and what came back.
        refresh.url = QStringLiteral("{{ DEMO_API }}/status/400");
        auto failing = client(workspace); // with the session stored above
        failing->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        m_server->expireAllTokens();
        QVERIFY(!wait(failing->send(get(QStringLiteral("/me")))).succeeded);
        const QList<AuthEvent> &laterEvents = failing->events();
        const auto refreshFailed =
            std::find_if(laterEvents.begin(), laterEvents.end(),
                         [](const AuthEvent &e) { return e.kind == AuthEvent::Kind::Refresh; });
        QVERIFY(refreshFailed != laterEvents.end());
        const AuthEvent &failed = *refreshFailed;
        QVERIFY(!failed.succeeded);
        QCOMPARE(failed.steps.size(), 1);
        QCOMPARE(failed.steps.first().outcome, QStringLiteral("failed"));
        QCOMPARE(failed.steps.first().httpStatus, 400);
        QVERIFY2(failed.steps.first().toText().contains(QStringLiteral("/status/400 -> HTTP 400")),
                 qPrintable(failed.steps.first().toText()));
    }

    // Where a login needs no one to ask (the CLI, which is the user, or a resource that logs in without
    // prompting), a refresh that fails logs in again at once and the query goes out after it. The CLI used
    // to fail the query and keep the dead session, so every later run failed the same way (QA pass 32).
    void refreshFailureLogsInAgainWhenNoOneIsAsked_data()
    {
        QTest::addColumn<bool>("runWithoutPrompt");
        QTest::newRow("the CLI's policy") << false;
        QTest::newRow("run without prompting") << true;
    }
    void refreshFailureLogsInAgainWhenNoOneIsAsked()
    {
        QFETCH(bool, runWithoutPrompt);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.runWithoutPrompt = runWithoutPrompt;
        workspace.resources.first().customAuth.refreshWorkflow.steps = {apiRequest(
            QStringLiteral("http1"), QStringLiteral("GET"), QStringLiteral("{{ DEMO_API }}/status/400"))};
        login(*client(workspace));
        const QString deadToken = m_sessions->cached(client(workspace)->sessionKey())
                                      ->variables.value(QStringLiteral("TOKEN"))
                                      .toString();
        m_server->expireAllTokens(); // the server revoked the session
        m_server->resetCounters();

        auto later = client(workspace); // a later run, with the dead session stored
        later->setLoginPolicy(runWithoutPrompt ? QueryClient::LoginPolicy::AskCaller
                                               : QueryClient::LoginPolicy::RunWorkflow);
        QSignalSpy required(later.get(), &QueryClient::loginRequired);
        const QueryResult result = wait(later->send(get(QStringLiteral("/me"))));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QVERIFY(result.retried);
        QVERIFY(result.loggedInAgain); // said as such, not as a refreshed session (QA pass 33)
        QCOMPARE(result.originalFailure->status, 401);
        QCOMPARE(required.count(), 0);
        QCOMPARE(later->stats().logins, 1);
        QCOMPARE(later->stats().retries, 1);
        QCOMPARE(m_server->counters().logins, 1);
        QCOMPARE(m_server->counters().meRequests, 2); // the failed query and its one retry
        // The new session is stored: the next run goes straight out with it.
        const QString newToken =
            m_sessions->cached(later->sessionKey())->variables.value(QStringLiteral("TOKEN")).toString();
        QVERIFY(newToken != deadToken);
        const QList<AuthEvent> &events = later->events();
        const auto login = std::find_if(events.begin(), events.end(),
                                        [](const AuthEvent &e) { return e.kind == AuthEvent::Kind::Login; });
        QVERIFY(login != events.end());
        QVERIFY(login->succeeded);
        if (!runWithoutPrompt) {
            QCOMPARE(login->trigger, AuthEvent::Trigger::FailedQuery);
            QCOMPARE(login->triggerStatus, 401);
        }
    }

    // A query that fails again after the failed refresh's new login says so, not "after the session was
    // refreshed" (QA pass 44).
    void aQueryFailingAfterANewLoginSaysSo()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.refreshWorkflow.steps = {apiRequest(
            QStringLiteral("http1"), QStringLiteral("GET"), QStringLiteral("{{ DEMO_API }}/status/400"))};
        auto c = client(workspace);
        c->setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        login(*c);
        const QueryResult result = wait(c->send(get(QStringLiteral("/status/401"))));
        QVERIFY(!result.succeeded);
        QVERIFY(result.retried);
        QVERIFY(result.loggedInAgain);
        QCOMPARE(result.error, QStringLiteral("The query failed again after a new login; login required."));
    }

    // A session's tokens go only to the server that issued them: pointed at another server since (a
    // workspace variable changed, `--var`), the resource sends them nothing, not even a refresh or a login
    // test, and needs a login there (QA pass 32: a token from one host went to another).
    void sessionIsNotSentToAnotherServer_data()
    {
        QTest::addColumn<bool>("cliPolicy");
        QTest::addColumn<bool>("authHostOnly"); // only the login test's and refresh's host moves
        QTest::newRow("the studio's policy: the caller is asked") << false << false;
        QTest::newRow("the CLI's policy: it logs in there") << true << false;
        // QA pass 33: with the API's address unchanged, the login test still went to the new auth host.
        QTest::newRow("the auth host moves, the studio's policy") << false << true;
        QTest::newRow("the auth host moves, the CLI's policy") << true << true;
    }
    void sessionIsNotSentToAnotherServer()
    {
        QFETCH(bool, cliPolicy);
        QFETCH(bool, authHostOnly);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.variables.append({QStringLiteral("AUTH_API"), m_server->baseUrl().toString()});
        CustomAuth &auth = workspace.resources.first().customAuth;
        auth.loginTestEnabled = true;
        auth.loginTestUrl = QStringLiteral("{{ AUTH_API }}/login-test");
        std::get<ApiRequestStep>(auth.refreshWorkflow.steps[0]).url =
            QStringLiteral("{{ AUTH_API }}/refresh");
        login(*client(workspace));
        QCOMPARE(m_sessions->cached(client(workspace)->sessionKey())->origins,
                 QStringList {QStringLiteral("http://127.0.0.1:%1").arg(m_server->baseUrl().port())});

        DemoServer staging;
        QVERIFY(staging.listen());
        auto elsewhere = client(workspace);
        QHash<QString, QString> overrides {{QStringLiteral("AUTH_API"), staging.baseUrl().toString()}};
        if (!authHostOnly)
            overrides.insert(QStringLiteral("DEMO_API"), staging.baseUrl().toString());
        elsewhere->setVariableOverrides(overrides);
        elsewhere->setLoginPolicy(cliPolicy ? QueryClient::LoginPolicy::RunWorkflow
                                            : QueryClient::LoginPolicy::AskCaller);
        QSignalSpy required(elsewhere.get(), &QueryClient::loginRequired);
        m_server->resetCounters();
        const QueryResult result = wait(elsewhere->send(get(QStringLiteral("/me"))));
        if (cliPolicy) {
            QVERIFY2(result.succeeded, qPrintable(result.error));
            QVERIFY(!result.retried); // its own token, accepted at once
            DemoServer &issuer = authHostOnly ? *m_server : staging; // where the login request goes
            QCOMPARE(issuer.counters().logins, 1);
            QCOMPARE(issuer.counters().meRequests, 1);
            QCOMPARE(staging.counters().loginTests, 0); // a fresh login needs no test
            // Its event says why it logged in: "login (noSession)" read as if nothing were stored (QA pass
            // 44).
            const QList<AuthEvent> &events = elsewhere->events();
            const auto login = std::find_if(events.cbegin(), events.cend(), [](const AuthEvent &e) {
                return e.kind == AuthEvent::Kind::Login;
            });
            QVERIFY(login != events.cend());
            QVERIFY2(login->toText().contains(QStringLiteral(": the session is for http://")),
                     qPrintable(login->toText()));
            // And its trigger: "noSession" read as if nothing were stored (QA pass 47).
            QCOMPARE(login->trigger, AuthEvent::Trigger::AnotherServer);
            QVERIFY2(login->toText().contains(QStringLiteral("login (anotherServer)")),
                     qPrintable(login->toText()));
        } else {
            QVERIFY(!result.succeeded);
            QVERIFY(result.loginRequired);
            QCOMPARE(required.count(), 1);
            QVERIFY2(
                required.first().first().toString().contains(QStringLiteral("the session is for http://")),
                qPrintable(required.first().first().toString()));
            QCOMPARE(staging.counters().requests, 0); // nothing at all went there
            QCOMPARE(m_server->counters().requests, 0); // nor, without a session, to the first one
        }
        QCOMPARE(staging.counters().refreshes + staging.counters().failedRefreshes, 0);
        QCOMPARE(staging.counters().loginTests, 0);
        // The first server's session still works there.
        if (!cliPolicy) {
            auto back = client(workspace);
            m_server->resetCounters();
            QVERIFY(wait(back->send(get(QStringLiteral("/me")))).succeeded);
            QCOMPARE(m_server->counters().logins, 0);
        }
    }

    // A login waiting on a server that doesn't answer can be stopped: it ends as cancelled, the query
    // waiting for it fails with "login required", and nothing follows on its own (QA pass 32: the preview
    // could only wait for the step's timeout).
    void authenticationCanBeCancelled()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        auto &slow = std::get<ApiRequestStep>(workspace.resources.first().customAuth.authWorkflow.steps[1]);
        slow.method = QStringLiteral("GET");
        slow.url = QStringLiteral("{{ DEMO_API }}/delay/20000");
        slow.body = {};
        auto c = client(workspace);
        c->setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        c->cancelAuthentication(); // nothing running: nothing happens
        QSignalSpy finished(c.get(), &QueryClient::loginFinished);
        PendingQuery *pending = c->send(get(QStringLiteral("/me")));
        QTRY_COMPARE(m_server->counters().requests, 1); // the login request is at the server
        QVERIFY(c->isAuthenticating());
        QCOMPARE(finished.count(), 0);
        c->cancelAuthentication();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(!c->isAuthenticating());
        const QueryResult result = wait(pending);
        QVERIFY(!result.succeeded);
        QVERIFY(result.loginRequired);
        QVERIFY2(result.error.contains(QStringLiteral("Login cancelled")), qPrintable(result.error));
        const AuthEvent login = c->events().constLast();
        QCOMPARE(login.kind, AuthEvent::Kind::Login);
        QVERIFY(login.cancelled);
        QCOMPARE(c->stats().failedAuth, 0);
    }

    void refreshFailureGivesOneErrorAndNoLoop_data()
    {
        QTest::addColumn<QString>("failingStep"); // how the refresh workflow fails
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("500") << QStringLiteral("status") << QStringLiteral("HTTP 500");
        QTest::newRow("timeout") << QStringLiteral("timeout") << QStringLiteral("no reply within 0.2 s");
        QTest::newRow("JS throws") << QStringLiteral("js") << QStringLiteral("Error: refresh broke");
    }
    void refreshFailureGivesOneErrorAndNoLoop()
    {
        QFETCH(QString, failingStep);
        QFETCH(QString, errorPart);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        Workflow &refresh = workspace.resources.first().customAuth.refreshWorkflow;
        if (failingStep == QLatin1String("status")) {
            refresh.steps = {apiRequest(QStringLiteral("http1"), QStringLiteral("GET"),
                                        QStringLiteral("{{ DEMO_API }}/status/500"))};
        } else if (failingStep == QLatin1String("timeout")) {
            ApiRequestStep slow = apiRequest(QStringLiteral("http1"), QStringLiteral("GET"),
                                             QStringLiteral("{{ DEMO_API }}/delay/5000"));
            slow.timeoutMs = 200;
            refresh.steps = {slow};
        } else {
            JavaScriptStep js;
            js.code = QStringLiteral("throw new Error('refresh broke');");
            refresh.steps = {js};
        }
        auto c = client(workspace);
        login(*c);
        c->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        m_server->expireAllTokens();
        m_server->resetCounters();
        QSignalSpy required(c.get(), &QueryClient::loginRequired);

        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY(result.loginRequired);
        QCOMPARE(result.status(), 401); // the original failure
        QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("login required")), qPrintable(result.error));
        QCOMPARE(required.count(), 1);
        QCOMPARE(c->stats().refreshes, 0);
        QCOMPARE(m_server->counters().meRequests, 1); // no retry after a failed refresh, no loop
        QCOMPARE(m_server->counters().logins, 0);
        // And none is reported: not in the result, the counts or the event log, which says a login is
        // required instead.
        QVERIFY(!result.retried);
        QVERIFY(result.originalFailure);
        QCOMPARE(c->stats().retries, 0);
        const QList<AuthEvent> &events = c->events();
        QVERIFY(std::none_of(events.begin(), events.end(),
                             [](const AuthEvent &e) { return e.kind == AuthEvent::Kind::Retry; }));
        const auto required401 = std::find_if(events.begin(), events.end(), [](const AuthEvent &e) {
            return e.kind == AuthEvent::Kind::LoginRequired;
        });
        QVERIFY(required401 != events.end());
        // What set it off, as the refresh's own event says: "failed query (401)", not "(0)".
        QVERIFY2(required401->toText().contains(QStringLiteral("failed query (401)")),
                 qPrintable(required401->toText()));

        // The next query asks for a login instead of refreshing again.
        const QueryResult next = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(next.loginRequired);
        QCOMPARE(m_server->counters().meRequests, 1);

        // The login that follows names the status that set it all off: it said "failed query (0)" (QA
        // pass 32).
        c->setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        QVERIFY(wait(c->send(get(QStringLiteral("/me")))).succeeded);
        const QList<AuthEvent> after = c->events();
        const auto login = std::find_if(after.rbegin(), after.rend(),
                                        [](const AuthEvent &e) { return e.kind == AuthEvent::Kind::Login; });
        QVERIFY(login != after.rend());
        QCOMPARE(login->trigger, AuthEvent::Trigger::FailedQuery);
        QCOMPARE(login->triggerStatus, 401);
        QVERIFY2(login->toText().contains(QStringLiteral(" login (failed query (401)): ok in ")),
                 qPrintable(login->toText()));
    }

    // Without a status to name, the cause says none rather than "(0)".
    void failedQueryWithoutAStatusNamesNone()
    {
        AuthEvent event;
        event.kind = AuthEvent::Kind::Login;
        event.trigger = AuthEvent::Trigger::FailedQuery;
        event.time = QDateTime::currentDateTimeUtc();
        QVERIFY2(event.toText().contains(QStringLiteral(" login (failed query): ok in ")),
                 qPrintable(event.toText()));
        QVERIFY(!event.toJson().contains(QStringLiteral("status")));
        event.triggerStatus = 403;
        QVERIFY2(event.toText().contains(QStringLiteral(" login (failed query (403)): ok in ")),
                 qPrintable(event.toText()));
    }

    void concurrentExpiredQueriesShareOneRefresh()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        login(*c);
        m_server->expireAllTokens();
        m_server->resetCounters();
        QList<PendingQuery *> pending;
        for (int i = 0; i < 200; ++i)
            pending.append(c->send(get(QStringLiteral("/me"))));
        int succeeded = 0;
        for (PendingQuery *query : pending)
            succeeded += wait(query).succeeded ? 1 : 0;
        QCOMPARE(succeeded, 200);
        QCOMPARE(m_server->counters().refreshes, 1);
        QCOMPARE(c->stats().refreshes, 1);
        QVERIFY(m_server->counters().meRequests <= 400); // each query at most twice
    }

    void queriesIssuedDuringRefreshWaitForIt()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        // A slow first refresh step keeps the refresh running while the later queries are sent (watching
        // for a fast refresh to be in progress races with it on a loaded machine).
        workspace.resources.first().customAuth.refreshWorkflow.steps.prepend(apiRequest(
            QStringLiteral("http0"), QStringLiteral("GET"), QStringLiteral("{{ DEMO_API }}/delay/300")));
        auto c = client(workspace);
        login(*c);
        m_server->expireAllTokens();
        m_server->resetCounters();
        PendingQuery *first = c->send(get(QStringLiteral("/me")));
        QTRY_VERIFY(m_server->counters().requests == 2); // the first query failed; the refresh's delay is out
        QCOMPARE(m_server->counters().meRequests, 1);
        QVERIFY(!first->isFinished());
        QList<PendingQuery *> later;
        for (int i = 0; i < 10; ++i)
            later.append(c->send(get(QStringLiteral("/me"))));
        QVERIFY(wait(first).succeeded);
        for (PendingQuery *query : later) {
            const QueryResult result = wait(query);
            QVERIFY(result.succeeded);
            QVERIFY(!result.retried); // they waited, so they never went out with the stale token
        }
        QCOMPARE(m_server->counters().meRequests, 12);
        QCOMPARE(m_server->counters().refreshes, 1);
    }

    void cancellingTheStarterDoesNotCancelTheRefresh()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        // A slow first refresh step keeps the refresh running while the starter is cancelled.
        workspace.resources.first().customAuth.refreshWorkflow.steps.prepend(apiRequest(
            QStringLiteral("http0"), QStringLiteral("GET"), QStringLiteral("{{ DEMO_API }}/delay/1500")));
        auto c = client(workspace);
        login(*c);
        m_server->expireAllTokens();
        m_server->resetCounters();
        PendingQuery *starter = c->send(get(QStringLiteral("/me")));
        PendingQuery *other = c->send(get(QStringLiteral("/me")));
        QTRY_VERIFY(m_server->counters().requests == 3); // both queries failed and the refresh's delay is out
        QVERIFY(!starter->isFinished());
        starter->cancel();
        QVERIFY(starter->result().cancelled);
        const QueryResult result = wait(other);
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QCOMPARE(m_server->counters().refreshes, 1);
    }

    // A query whose request is out is cancelled at once: it reports once, cancelled, and its reply is
    // aborted rather than left to run until the server answers.
    void cancellingASentQueryAbortsItsRequest()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        login(*c);
        m_server->resetCounters();
        PendingQuery *query = c->send(get(QStringLiteral("/delay/30000")));
        QSignalSpy finished(query, &PendingQuery::finished);
        QTRY_VERIFY(query->findChild<QNetworkReply *>()); // the request is out
        QVERIFY(!query->isFinished());
        query->cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(query->result().cancelled);
        QVERIFY(!query->result().succeeded);
        // Said as a cancel, not as the timeout an aborted reply looks like.
        QVERIFY2(query->result().error.contains(QStringLiteral("cancelled")),
                 qPrintable(query->result().error));
        QVERIFY(!query->result().requestLine.isEmpty()); // it had gone out
        QTRY_VERIFY(!query->findChild<QNetworkReply *>()); // aborted and gone
        query->cancel(); // a second cancel is harmless
        QCOMPARE(finished.count(), 1);
        // The client goes on as before.
        QVERIFY(wait(c->send(get(QStringLiteral("/me")))).succeeded);
        QCOMPARE(finished.count(), 1);
    }

    // A resource's header whose script runs long is evaluated off the client's thread, as a workflow
    // step's is: the event loop goes on (the studio's preview window stays responsive) and cancelling the
    // query stops the script at once; a slow one's request goes out as it would have.
    void aLongExpressionInAHeaderLeavesTheEventLoopFree()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        Resource &resource = workspace.resources.first();
        resource.authMethod = Resource::AuthMethod::None;
        resource.headers = {{QStringLiteral("X-Slow"), QStringLiteral("{{ (() => { for (;;) {} })() }}")}};
        auto c = client(workspace);
        c->setScriptTimeoutMs(60 * 1000); // held here, the query would fail by its timeout before the tick
        m_server->resetCounters();
        PendingQuery *query = c->send(get(QStringLiteral("/me")));
        QSignalSpy finished(query, &PendingQuery::finished);
        bool ticked = false;
        QTimer::singleShot(0, c.get(), [&ticked] { ticked = true; });
        QTRY_VERIFY(ticked);
        QVERIFY(!query->isFinished());
        auto *worker = c->findChild<ScriptStepWorker *>();
        QVERIFY(worker);
        QTRY_VERIFY(worker->isRunning(1));
        query->cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(query->result().cancelled);
        QTRY_VERIFY(!worker->isRunning(1)); // stopped, not left running to its timeout
        QVERIFY(query->result().requestLine.isEmpty()); // nothing went out

        const QString slow =
            QStringLiteral("{{ (() => { const end = Date.now() + %1; while (Date.now() < end) "
                           "{} return 'slow' + 'ly'; })() }}")
                .arg(WorkflowRunner::InlineScriptMs * 3);
        resource.headers = {{QStringLiteral("X-Slow"), slow}};
        c = client(workspace);
        Query echo = get(QStringLiteral("/headers"));
        const QueryResult result = wait(c->send(echo));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QVERIFY(c->findChild<ScriptStepWorker *>()); // built there
        QCOMPARE(result.response.parsedBody()
                     .toObject()
                     .value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("X-Slow"))
                     .toString(),
                 QStringLiteral("slowly"));
    }

    // A query whose request is built on the worker while the user logs out goes through again rather
    // than out with the session it was built with (review of the off-thread build).
    void aQueryBuiltAcrossALogoutDoesntCarryTheOldSession()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        login(*client(workspace)); // the session, in the shared store

        workspace.resources.first().headers.append({QStringLiteral("X-Slow"), slowHeader()});
        auto c = client(workspace);
        m_server->resetCounters();
        PendingQuery *query = c->send(get(QStringLiteral("/me")));
        QTRY_VERIFY(c->findChild<ScriptStepWorker *>());
        QTRY_VERIFY(c->findChild<ScriptStepWorker *>()->isRunning(1)); // its request is being built
        c->logout();
        const QueryResult result = wait(query);
        QVERIFY(!result.succeeded);
        QVERIFY(result.loginRequired); // it asked for a login, as a query after the logout does
        QCOMPARE(m_server->counters().meRequests, 0); // nothing went out with the old token
    }

    // The same for the login test: one built across a logout is not sent, and the check goes on with no
    // session.
    void aLoginTestBuiltAcrossALogoutIsDropped()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.loginTestEnabled = true;
        workspace.resources.first().customAuth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/login-test");
        login(*client(workspace));

        workspace.resources.first().headers.append({QStringLiteral("X-Slow"), slowHeader()});
        auto c = client(workspace);
        m_server->resetCounters();
        PendingQuery *check = c->checkLogin();
        QTRY_VERIFY(c->findChild<ScriptStepWorker *>());
        QTRY_VERIFY(c->findChild<ScriptStepWorker *>()->isRunning(1));
        c->logout();
        const QueryResult result = wait(check);
        QVERIFY(!result.succeeded);
        QVERIFY(result.loginRequired);
        QCOMPARE(m_server->counters().loginTests, 0);
        // Nothing is said of a test of a session that is gone: no "not sent" for the user to puzzle over.
        QCOMPARE(c->stats().loginTests, 0);
        const QList<AuthEvent> &events = c->events();
        QVERIFY(std::none_of(events.cbegin(), events.cend(), [](const AuthEvent &event) {
            return event.kind == AuthEvent::Kind::LoginTest;
        }));
        QVERIFY(!c->isAuthenticating());
    }

    void serverThatKeepsRejectingGetsOneRefreshAndOneRetryPerQuery()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        login(*c);
        c->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        m_server->setRejectAllTokens(true);
        m_server->resetCounters();
        QSignalSpy required(c.get(), &QueryClient::loginRequired);
        QList<PendingQuery *> pending;
        for (int i = 0; i < 20; ++i)
            pending.append(c->send(get(QStringLiteral("/me"))));
        for (PendingQuery *query : pending) {
            const QueryResult result = wait(query);
            QVERIFY(!result.succeeded);
            QVERIFY(result.loginRequired);
            QCOMPARE(result.status(), 401);
        }
        QCOMPARE(m_server->counters().refreshes, 1);
        QCOMPARE(m_server->counters().meRequests, 40); // one try and one retry each
        QCOMPARE(required.count(), 1);
    }

    // The secrets to mask a result with keep the tokens a refresh replaced: the first attempt of a query
    // whose retry failed too is shown, and a server's echo of the old token in it must stay masked (QA
    // pass 50: the CLI printed it in clear). So do a logout's.
    void secretsOfReplacedSessionsStayMasked()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        login(*c);
        const QSet<QString> before = c->session()->toScope().secrets();
        QVERIFY(!before.isEmpty());
        c->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        m_server->setRejectAllTokens(true);
        const QueryResult rejected = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(rejected.retried);
        QCOMPARE(m_server->counters().refreshes, 1);
        const QSet<QString> after = c->session()->toScope().secrets();
        QVERIFY(after != before); // the refresh replaced the tokens
        QVERIFY(c->secrets().contains(before));
        QVERIFY(c->secrets().contains(after));

        c->logout();
        QVERIFY(!c->session());
        QVERIFY(c->secrets().contains(after));
    }

    // A retry that fails again with another status than 401 is the request's own refusal: the session stays
    // for the next queries (QA pass 37: one such endpoint left every later query waiting for a login).
    void aRetryFailingWithAnotherStatusKeepsTheSession()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.refreshOnStatuses.clear(); // the default: any failure
        auto c = client(workspace);
        login(*c);
        c->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        QSignalSpy required(c.get(), &QueryClient::loginRequired);
        m_server->resetCounters();
        const QueryResult missing = wait(c->send(get(QStringLiteral("/status/404"))));
        QVERIFY(!missing.succeeded);
        QVERIFY(missing.retried);
        QVERIFY(!missing.loginRequired);
        QCOMPARE(missing.status(), 404);
        QVERIFY2(missing.error.contains(QStringLiteral("(HTTP 404)")), qPrintable(missing.error));
        QCOMPARE(m_server->counters().refreshes, 1);
        const QueryResult me = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY2(me.succeeded, qPrintable(me.error));
        QCOMPARE(required.count(), 0);
        QCOMPARE(c->stats().logins, 1);
    }

    void timeBasedExpiry_data()
    {
        QTest::addColumn<QString>("expiresIn");
        QTest::addColumn<int>("tokenTtl");
        QTest::addColumn<qint64>("advanceMs");
        QTest::addColumn<int>("refreshes");
        QTest::newRow("constant, before the lead") << QStringLiteral("60") << 3600 << qint64(50000) << 0;
        QTest::newRow("constant, within the lead") << QStringLiteral("60") << 3600 << qint64(55000) << 1;
        QTest::newRow("variable, expired")
            << QStringLiteral("{{ EXPIRES_IN }}") << 120 << qint64(121000) << 1;
        QTest::newRow("variable, fresh") << QStringLiteral("{{ EXPIRES_IN }}") << 120 << qint64(60000) << 0;
        QTest::newRow("missing value") << QStringLiteral("{{ NOPE }}") << 3600 << qint64(1000000) << 0;
        QTest::newRow("zero") << QStringLiteral("0") << 3600 << qint64(5000) << 0;
        QTest::newRow("negative") << QStringLiteral("-5") << 3600 << qint64(5000) << 0;
        QTest::newRow("not a number") << QStringLiteral("soon") << 3600 << qint64(5000) << 0;
        QTest::newRow("huge is capped") << QStringLiteral("1e30") << 3600 << qint64(1000000) << 0;
        QTest::newRow("shorter than the lead, too early")
            << QStringLiteral("0.5") << 3600 << qint64(600) << 0;
        QTest::newRow("shorter than the lead, after the pause")
            << QStringLiteral("0.5") << 3600 << qint64(1100) << 1;
    }
    void timeBasedExpiry()
    {
        QFETCH(QString, expiresIn);
        QFETCH(int, tokenTtl);
        QFETCH(qint64, advanceMs);
        QFETCH(int, refreshes);
        m_server->setTokenLifetime(tokenTtl);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        workspace.resources.first().customAuth.expiresIn = expiresIn;
        ManualClock clock;
        auto c = client(workspace);
        c->setClock(&clock);
        login(*c);
        clock.advance(advanceMs);
        for (int i = 0; i < 3; ++i) { // back-to-back queries: at most one refresh
            const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
            QVERIFY2(result.succeeded, qPrintable(result.error));
            QVERIFY(!result.retried);
        }
        QCOMPARE(m_server->counters().refreshes, refreshes);
        QCOMPARE(c->stats().refreshes, refreshes);
        const bool expectWarning = expiresIn == QLatin1String("{{ NOPE }}") ||
            expiresIn == QLatin1String("0") || expiresIn == QLatin1String("-5") ||
            expiresIn == QLatin1String("soon") || expiresIn == QLatin1String("1e30");
        const QList<AuthEvent> &events = c->events();
        QCOMPARE(std::any_of(events.begin(), events.end(),
                             [](const AuthEvent &e) { return e.kind == AuthEvent::Kind::Warning; }),
                 expectWarning);
        if (refreshes) {
            QVERIFY(std::any_of(events.begin(), events.end(), [](const AuthEvent &e) {
                return e.kind == AuthEvent::Kind::Refresh && e.trigger == AuthEvent::Trigger::Expiry;
            }));
        }
    }

    // A capped lifetime is said in digits and years, not "1e+11 s" (QA pass 32).
    void cappedLifetimeWarningIsReadable_data()
    {
        QTest::addColumn<QString>("expiresIn");
        QTest::addColumn<QString>("warning");
        QTest::newRow("a hundred billion seconds")
            << QStringLiteral("1e11")
            << QStringLiteral(
                   "the lifetime of 100000000000 s (3171 years) is capped at 315360000 s (10 years)");
        QTest::newRow("past digits") << QStringLiteral("1e30")
                                     << QStringLiteral("the lifetime of over 31 million years is capped at "
                                                       "315360000 s (10 years)");
    }
    void cappedLifetimeWarningIsReadable()
    {
        QFETCH(QString, expiresIn);
        QFETCH(QString, warning);
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        workspace.resources.first().customAuth.expiresIn = expiresIn;
        auto c = client(workspace);
        login(*c);
        const QList<AuthEvent> &events = c->events();
        const auto found = std::find_if(events.begin(), events.end(), [](const AuthEvent &e) {
            return e.kind == AuthEvent::Kind::Warning;
        });
        QVERIFY(found != events.end());
        QCOMPARE(found->message, warning);
        QVERIFY2(found->toText().endsWith(QStringLiteral(" warning: ") + warning),
                 qPrintable(found->toText()));
    }

    // The lifetime is worked out on the client's thread (the studio's) after each login: a script in it
    // that doesn't finish quickly turns time-based refresh off for the session, said as such, rather than
    // holding the window until the script timeout.
    void aLifetimeScriptThatRunsLongIsNotWaitedFor()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        workspace.resources.first().customAuth.expiresIn = QStringLiteral("{{ (() => { for (;;) {} })() }}");
        auto c = client(workspace);
        login(*c);
        QVERIFY(!c->session()->expiresAt.isValid());
        const QList<AuthEvent> &events = c->events();
        const auto found = std::find_if(events.begin(), events.end(), [](const AuthEvent &e) {
            return e.kind == AuthEvent::Kind::Warning;
        });
        QVERIFY(found != events.end());
        QCOMPARE(
            found->message,
            QStringLiteral("the lifetime could not be computed (expiresIn: its script ran longer than %1 "
                           "ms); time-based refresh is off for this session")
                .arg(WorkflowRunner::InlineScriptMs));
    }

    void everyQueryTrigger()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.refreshTrigger = CustomAuth::RefreshTrigger::EveryQuery;
        auto c = client(workspace);
        login(*c); // the first query also refreshed before going out
        for (int i = 0; i < 3; ++i)
            QVERIFY(wait(c->send(get(QStringLiteral("/me")))).succeeded);
        QCOMPARE(m_server->counters().refreshes, 4);
        QCOMPARE(m_server->counters().meRequests, 4);
    }

    void loginTimeout()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().customAuth.loginTimeoutSeconds = 600;
        ManualClock clock;
        auto c = client(workspace);
        c->setClock(&clock);
        login(*c);
        c->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        clock.advance(599000);
        QVERIFY(wait(c->send(get(QStringLiteral("/me")))).succeeded);
        clock.advance(2000);
        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(result.loginRequired);
        QVERIFY2(result.error.contains(QStringLiteral("login timeout (600 s)")), qPrintable(result.error));
    }

    void headerWithLineBreakIsRefused()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        // The login stores a token with a line break in it, as a hostile server could.
        workspace.resources.first().customAuth.authWorkflow.steps[2] = defineVariable(
            QStringLiteral("TOKEN"), QStringLiteral("{{ http1.body.token + '\\r\\nX-Evil: 1' }}"));
        auto c = client(workspace);
        c->setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        m_server->resetCounters();
        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY2(result.error.contains(QStringLiteral("header 'Authorization'")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("{{ TOKEN }}")), qPrintable(result.error));
        QVERIFY(!result.error.contains(
            c->session()->variables.value(QStringLiteral("TOKEN")).toString().left(20)));
        QCOMPARE(m_server->counters().meRequests, 0); // nothing was sent
    }

    void crossOriginRedirectDropsAuthHeaders_data()
    {
        QTest::addColumn<bool>("crossOrigin");
        QTest::newRow("same origin keeps them") << false;
        QTest::newRow("other origin drops them") << true;
    }
    void crossOriginRedirectDropsAuthHeaders()
    {
        QFETCH(bool, crossOrigin);
        DemoServer other;
        QVERIFY(other.listen());
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        workspace.resources.first().headers.append(
            {QStringLiteral("X-Api-Key"), QStringLiteral("{{ REFRESH_TOKEN }}")});
        workspace.resources.first().headers.append({QStringLiteral("X-Client"), QStringLiteral("studio")});
        auto c = client(workspace);
        login(*c);
        const QUrl target((crossOrigin ? other.baseUrl() : m_server->baseUrl()).toString() +
                          QStringLiteral("/headers"));
        Query query = get(QStringLiteral("/redirect-to"));
        query.parameters = {{QStringLiteral("url"), target.toString()}};
        const QueryResult result = wait(c->send(query));
        QVERIFY2(result.succeeded, qPrintable(result.error + result.response.failureText()));
        const QJsonObject headers =
            result.response.parsedBody().toObject().value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.contains(QStringLiteral("Authorization")), !crossOrigin);
        QCOMPARE(headers.contains(QStringLiteral("X-Api-Key")), !crossOrigin);
        QVERIFY(headers.contains(QStringLiteral("X-Client"))); // not auth-bearing: always sent
    }

    void publicModeRefusesCustomAuth()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        c->setPublicMode(true);
        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY2(result.error.contains(QStringLiteral("not available in public mode")),
                 qPrintable(result.error));
        QCOMPARE(m_server->counters().requests, 0);
    }

    void logoutClearsTheSession()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        login(*c);
        c->logout();
        QVERIFY(!c->session());
        QVERIFY(!m_sessions->cached(c->sessionKey()));
        c->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
        QVERIFY(wait(c->send(get(QStringLiteral("/me")))).loginRequired);
    }

    void cancelledLoginFormIsNotAFailure()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        c->setLoginPolicy(QueryClient::LoginPolicy::RunWorkflow);
        m_prompter->setCancelAll(true); // the user presses Esc in the login form
        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY(!c->session());
        const AuthEvent login = c->events().constLast();
        QCOMPARE(login.kind, AuthEvent::Kind::Login);
        QVERIFY(!login.succeeded);
        QVERIFY(login.cancelled);
        QCOMPARE(login.toJson().value(QStringLiteral("outcome")).toString(), QStringLiteral("cancelled"));
        QVERIFY2(login.toText().contains(QStringLiteral(": cancelled in ")), qPrintable(login.toText()));
        QCOMPARE(c->stats().failedAuth, 0);
    }

    void testRefreshRunsTheRefreshStepsAlone()
    {
        auto c = client(demoWorkspace(m_server->baseUrl()));
        login(*c);
        const QString before = c->session()->variables.value(QStringLiteral("TOKEN")).toString();
        QSignalSpy done(c.get(), &QueryClient::refreshFinished);
        c->testRefresh();
        QVERIFY(done.wait());
        QVERIFY(done.first().first().toBool());
        QVERIFY(c->session()->variables.value(QStringLiteral("TOKEN")).toString() != before);
        QCOMPARE(m_server->counters().refreshes, 1);
    }

    void eventsNeverHoldSecrets()
    {
        Workspace workspace = demoWorkspace(m_server->baseUrl());
        // A refresh that fails with the token in its error text.
        JavaScriptStep js;
        js.code = QStringLiteral("throw new Error('bad token ' + TOKEN);");
        workspace.resources.first().customAuth.refreshWorkflow.steps = {js};
        auto c = client(workspace);
        login(*c);
        const QString token = c->session()->variables.value(QStringLiteral("TOKEN")).toString();
        c->setLoginPolicy(QueryClient::LoginPolicy::AskCaller); // the failure reaches the caller
        m_server->expireAllTokens();
        const QueryResult result = wait(c->send(get(QStringLiteral("/me"))));
        QVERIFY(!result.succeeded);
        QVERIFY(!result.error.contains(token));
        for (const AuthEvent &event : c->events()) {
            QVERIFY(!event.message.contains(token));
            QVERIFY(!event.toText().contains(token));
        }
    }
};

QTEST_GUILESS_MAIN(TestQueryClient)
#include "tst_queryclient.moc"
