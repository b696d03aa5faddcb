// QueryClient: sends queries through one resource as one user (profile). It fills the resource's
// headers, parameters and body from the user's auth session, logs in when needed (login test URL, login
// timeout), refreshes the session after a failed query and retries once, refreshes on expiry or before
// every query when configured, and records every auth event. Refreshes and logins are single-flight: while
// one runs, every query waits for it, and all share its outcome. Never a loop: refresh workflows' own
// requests don't go through the client, and each query is retried at most once.
#pragma once

#include "PendingQuery.h"
#include "Query.h"
#include "model/Workspace.h"
#include "session/AuthEvent.h"
#include "session/AuthSession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace AuthStudio {

class Clock;
struct EvalResult;
class ExpressionEvaluator;
class FormPrompter;
class ScriptEngine;
class ScriptStepWorker;
class SessionManager;
class WorkflowRunner;
struct PreparedRequest;
struct RunResult;

class QueryClient : public QObject
{
    Q_OBJECT
public:
    // What happens when the session needs a login that the resource doesn't run silently.
    enum class LoginPolicy {
        AskCaller, // fail the query with loginRequired and emit loginRequired() (the studio shows its prompt)
        RunWorkflow, // run the auth workflow now, asking the prompter for form values (the CLI)
    };
    struct Stats
    {
        int logins = 0;
        int refreshes = 0;
        int retries = 0;
        int loginTests = 0;
        int failedAuth = 0;
    };
    static constexpr int DefaultQueryTimeoutMs = 30000;
    static constexpr qint64 MaxLifetimeSeconds = 10LL * 365 * 24 * 3600;
    static constexpr qint64 MaxLeadMs = 30000;
    static constexpr qint64 MinMsBetweenTimedRefreshes = 1000;
    // How often, at most, the session is read from the store again before a query (another process's
    // logout or login).
    static constexpr qint64 SessionRereadMs = 1000;
    void setSessionRereadMs(qint64 ms) { m_sessionRereadMs = ms; } // tests

    // workspaceId identifies the workspace for session keys (its file's canonical path).
    QueryClient(QNetworkAccessManager *network, SessionManager *sessions, const Workspace &workspace,
                const QString &workspaceId, const QString &resourceName, QObject *parent = nullptr);
    ~QueryClient() override;

    // Scope values the workspace variables are overridden with (e.g. DEMO_API pointing at a test server).
    void setVariableOverrides(const QHash<QString, QString> &overrides);
    void setProfile(const QString &profile);
    QString profile() const { return m_profile; }
    void setPrompter(FormPrompter *prompter);
    void setLoginPolicy(LoginPolicy policy) { m_loginPolicy = policy; }
    // Public mode: the app is used without a user account, so custom auth can't have a session.
    void setPublicMode(bool publicMode) { m_publicMode = publicMode; }
    void setClock(Clock *clock);
    void setScriptTimeoutMs(int timeoutMs);
    void setQueryTimeoutMs(int timeoutMs) { m_queryTimeoutMs = timeoutMs; }

    const Resource &resource() const { return m_resource; }
    QString sessionKey() const;
    std::optional<AuthSession> session() const { return m_session; }
    const QList<AuthEvent> &events() const { return m_events; }
    Stats stats() const { return m_stats; }
    // The secrets to mask output with: the session's, those of every session it replaced (a token
    // refreshed away may still be valid, and in a reply), and the workspace variables' that look secret.
    QSet<QString> secrets() const;
    // Why `session` is not sent where the resource sends its values now ("the session is for
    // http://a:1, and the resource now sends it to http://b:2"), or empty when it is sent: a session is
    // only sent to the servers it was made with (see AuthSession::origins).
    QString anotherServerReason(const AuthSession &session) const;
    // What every run and query starts with: the workspace's enabled variables and the overrides.
    Scope baseScope() const;

    PendingQuery *send(const Query &query);
    // What an app does on opening: loads the session, checks it with the login test URL when enabled, and
    // logs in silently or reports loginRequired as configured, without sending a query. The result
    // succeeds when the user is logged in afterwards.
    PendingQuery *checkLogin();
    // Runs the auth workflow now (the studio's Auth Login button). Reports with loginFinished().
    void login();
    // A login or refresh is running (its workflow's steps, not only a form waiting for the user).
    bool isAuthenticating() const
    {
        return m_operation == AuthOperation::Login || m_operation == AuthOperation::Refresh;
    }
    bool isRefreshing() const { return m_operation == AuthOperation::Refresh; }
    // Stops the login or refresh running (a server that doesn't answer, a form left open): it ends as
    // cancelled, and the queries waiting for it fail with "login required". Nothing when none runs.
    void cancelAuthentication();
    // "Test refresh workflow": runs the refresh steps on their own against the current session.
    void testRefresh();
    void logout();

    // Whether the stored session is still being read (a keychain may be waiting for its user to unlock it).
    bool isLoadingSession() const { return m_operation == AuthOperation::LoadSession; }

Q_SIGNALS:
    void loginRequired(const QString &reason);
    void sessionChanged();
    // The stored session (or its absence) has been read from the store.
    void sessionLoaded();
    void eventRecorded(const AuthStudio::AuthEvent &event);
    // The auth workflow starts, on its own (a silent login) or for login().
    void loginStarted();
    // The refresh workflow starts (after a failed query, on expiry, before a query, or testRefresh()).
    void refreshStarted();
    void loginFinished(bool succeeded, const QString &message);
    void refreshFinished(bool succeeded, const QString &message);
    void authRunFinished(const AuthStudio::RunResult &result); // every login/refresh run, for run logs

private:
    friend class PendingQuery;
    enum class AuthOperation { None, LoadSession, LoginTest, Login, Refresh };

    bool usesCustomAuth() const;
    // Where a session's values go (AuthSession::origins): the origins of the base URL, the login test URL
    // when enabled and the refresh workflow's requests, their variables filled from baseScope(); a URL
    // that can't be told so (computed from the session itself, say) is left out.
    QStringList tokenOrigins() const;
    // The session was made while its values went to other servers: none of it is sent.
    bool sessionIsForAnotherServer() const;
    // The scheme, host and port of a URL that may hold {{ expressions }}, evaluated in `scope`; empty when
    // it has none or can't be evaluated.
    // `why`, when given, says why it is empty: the evaluation's error.
    QString originOf(const QString &url, const Scope &scope, QString *why = nullptr) const;
    // The value of `text` in `scope`, worked out on this thread (the studio's) with its scripts stopped
    // after WorkflowRunner::InlineScriptMs: for a URL or a lifetime, which have no business running long.
    EvalResult evaluateQuickly(const QString &text, const Scope &scope, const QString &origin) const;
    // originOf() the resource's base URL, with the session.
    QString baseOrigin(QString *why = nullptr) const;
    // Why the query can't be sent whatever the session holds (a header with a line break, a name nothing
    // defines), or empty.
    QString queryProblem(const Query &query) const;
    const Scope &sessionScope() const;
    void proceed(PendingQuery *query);
    void resumeWaiters();
    void failWaiters(const QString &error, bool loginRequired);
    void forgetWaiter(PendingQuery *query);
    // The query is cancelled: stops the script building its request, if one is.
    void stopBuilding(PendingQuery *query);
    void wait(PendingQuery *query);
    void fail(PendingQuery *query, const QString &error, bool loginRequired);

    // Reads the profile's session from the store, then calls `then`.
    // Reads the session (`again`: from the store, not the cache; see proceed()), then calls `then`.
    void loadSession(void (QueryClient::*then)(), bool again = false);
    void runLoginTest();
    // `generation`: the session's when the test was built; the result is dropped when it has changed.
    void sendLoginTest(const PreparedRequest &prepared, quint64 generation);
    void stopLoginTestBuild();
    // Makes `session` the current one, remembering the secrets of the one it replaces (see secrets()).
    void replaceSession(const std::optional<AuthSession> &session);
    void rememberSessionSecrets();
    // Builds `step`'s request against `scope` here, or on the worker thread when a script in it runs long
    // (ScriptEngine::tryWithin), and calls `then` with it: at once, returning 0, or later, returning the
    // worker's ticket for it (see stopBuilding()).
    quint64 buildRequest(const ApiRequestStep &step, const Scope &scope,
                         const std::function<void(PreparedRequest)> &then);
    // `why`, when given, goes into the login's event: a cause its trigger alone doesn't tell.
    void startLogin(AuthEvent::Trigger trigger, int triggerStatus = 0, const QString &why = {});
    void startRefresh(AuthEvent::Trigger trigger, int triggerStatus = 0);
    void onAuthRunFinished(const RunResult &result);
    // `sayWhy`: a login it starts says `reason` in its event too.
    void loginNeeded(AuthEvent::Trigger trigger, const QString &reason, int triggerStatus = 0,
                     bool sayWhy = false);

    void sendRequest(PendingQuery *query, const QUrl &redirectTo = {}, const QByteArray &redirectVerb = {});
    // The rest of sendRequest() once the request is built; `generation` is the session's when it was.
    void sendPrepared(PendingQuery *query, const ApiRequestStep &step, const Scope &scope,
                      PreparedRequest prepared, quint64 generation, const QUrl &redirectTo,
                      const QByteArray &redirectVerb);
    void onReplyFinished(PendingQuery *query, QNetworkReply *reply);
    bool isRefreshFailure(const HttpResponse &response) const;
    void updateExpiry(AuthSession &session);
    bool expiryDue() const;

    void record(AuthEvent::Kind kind, AuthEvent::Trigger trigger, bool succeeded, qint64 durationMs,
                const QString &message = {}, int triggerStatus = 0, bool cancelled = false,
                const QList<ConsoleLine> &console = {}, const QList<AuthEvent::Step> &steps = {});

    QNetworkAccessManager *m_network;
    SessionManager *m_sessions;
    Workspace m_workspace;
    Resource m_resource;
    QString m_workspaceId;
    QString m_profile;
    QHash<QString, QString> m_overrides;
    QPointer<FormPrompter> m_prompter;
    LoginPolicy m_loginPolicy = LoginPolicy::AskCaller;
    bool m_publicMode = false;
    Clock *m_clock;
    int m_queryTimeoutMs = DefaultQueryTimeoutMs;

    ScriptEngine *m_engine;
    std::unique_ptr<ExpressionEvaluator> m_evaluator;
    WorkflowRunner *m_runner;
    // Builds the requests whose expressions run long (see sendRequest()); made on first use.
    ScriptStepWorker *m_scriptWorker = nullptr;
    quint64 m_loginTestBuild = 0; // the worker's ticket for the login test being built, 0 for none

    std::optional<AuthSession> m_session;
    QSet<QString> m_pastSecrets; // of the sessions m_session replaced (see secrets())
    mutable std::optional<Scope> m_sessionScope; // see sessionScope()
    mutable std::optional<QStringList> m_tokenOrigins; // see tokenOrigins()
    mutable quint64 m_sessionScopeGeneration = 0;
    quint64 m_generation = 0; // increases with every login and refresh
    bool m_sessionLoaded = false;
    QDateTime m_sessionReadAt; // when the session was last read from (or written to) the store
    qint64 m_sessionRereadMs = SessionRereadMs;
    bool m_sessionGoneFromStore = false; // another process logged out: the next login says why
    bool m_loginTested = false;
    bool m_needsLogin = false;
    AuthEvent::Trigger m_needsLoginTrigger = AuthEvent::Trigger::NoSession;
    int m_needsLoginStatus = 0; // the failed query's HTTP status, when that is the trigger
    bool m_loginRequiredReported = false;
    AuthOperation m_operation = AuthOperation::None;
    AuthEvent::Trigger m_operationTrigger = AuthEvent::Trigger::Manual;
    int m_operationStatus = 0;
    QString m_operationWhy; // see startLogin()
    bool m_operationIsTest = false; // testRefresh(): report, don't resume queries
    QDateTime m_operationStarted;
    QDateTime m_lastTimedRefresh;
    QList<QPointer<PendingQuery>> m_waiting;
    QList<AuthEvent> m_events;
    Stats m_stats;
};

} // namespace AuthStudio
