#include "QueryClient.h"

#include "format/WorkspaceValidator.h"
#include "run/FormPrompter.h"
#include "run/RequestBuilder.h"
#include "run/ScriptStepWorker.h"
#include "run/WorkflowRunner.h"
#include "script/ExpressionEvaluator.h"
#include "script/JavaScriptIdentifier.h"
#include "script/ScriptEngine.h"
#include "script/SecretMasker.h"
#include "script/Template.h"
#include "script/VariableScope.h"
#include "session/Clock.h"
#include "session/SessionManager.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

#include <cmath>

namespace AuthStudio {

namespace {

constexpr int MaxRedirects = 10;

// Whether a query's path is a whole URL (`https://...`), sent as written rather than after the base URL.
bool isWholeUrl(const QString &path)
{
    static const QRegularExpression absolute(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    return absolute.match(path.trimmed()).hasMatch();
}

QString joinUrl(const QString &base, const QString &path)
{
    if (path.isEmpty())
        return base;
    QString left = base;
    while (left.endsWith(QLatin1Char('/')))
        left.chop(1);
    return path.startsWith(QLatin1Char('/')) ? left + path : left + QLatin1Char('/') + path;
}

// A lifetime as people read it: every digit, not "1e+11", and in years, which say more at that size.
QString readableLifetime(double seconds)
{
    constexpr double SecondsPerYear = 365.0 * 24 * 3600;
    constexpr double MostDigits = 1e15; // about 31 million years: past that, digits say nothing more
    if (seconds >= MostDigits)
        return QStringLiteral("over %1 million years").arg(qint64(MostDigits / SecondsPerYear / 1e6));
    return QStringLiteral("%1 s (%2 years)")
        .arg(QString::number(seconds, 'f', 0))
        .arg(qRound64(seconds / SecondsPerYear));
}

} // namespace

QueryClient::QueryClient(QNetworkAccessManager *network, SessionManager *sessions, const Workspace &workspace,
                         const QString &workspaceId, const QString &resourceName, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_sessions(sessions)
    , m_workspace(workspace)
    , m_workspaceId(workspaceId)
    , m_profile(SessionManager::defaultProfile())
    , m_clock(Clock::system())
    , m_engine(new ScriptEngine(this))
    , m_evaluator(std::make_unique<ExpressionEvaluator>(m_engine))
    , m_runner(new WorkflowRunner(network, this))
{
    if (const Resource *resource = workspace.findResource(resourceName))
        m_resource = *resource;
    else
        m_resource.name = resourceName;
    connect(m_runner, &WorkflowRunner::finished, this, &QueryClient::onAuthRunFinished);
}

QueryClient::~QueryClient() = default;

void QueryClient::setVariableOverrides(const QHash<QString, QString> &overrides)
{
    m_overrides = overrides;
    m_sessionScope.reset();
    m_tokenOrigins.reset();
}

void QueryClient::setProfile(const QString &profile)
{
    m_profile = profile.isEmpty() ? SessionManager::defaultProfile() : profile;
    replaceSession(std::nullopt);
    m_sessionLoaded = false;
    m_loginTested = false;
    m_needsLogin = false;
    ++m_generation;
    stopLoginTestBuild();
}

void QueryClient::stopLoginTestBuild()
{
    // Its result is dropped for the generation (sendLoginTest()); its script needn't run to the end.
    if (m_loginTestBuild != 0 && m_scriptWorker)
        m_scriptWorker->interrupt(std::exchange(m_loginTestBuild, 0));
}

void QueryClient::setPrompter(FormPrompter *prompter)
{
    m_prompter = prompter;
    m_runner->setPrompter(prompter);
}

void QueryClient::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

void QueryClient::setScriptTimeoutMs(int timeoutMs)
{
    m_engine->setTimeoutMs(timeoutMs);
    m_runner->setScriptTimeoutMs(timeoutMs);
}

QString QueryClient::sessionKey() const
{
    return SessionManager::sessionKey(m_profile, m_workspaceId, m_resource.name);
}

QSet<QString> QueryClient::secrets() const
{
    // The session's, and the workspace variables' that look like secrets (an API key given with --var).
    QSet<QString> secrets = baseScope().secrets();
    if (m_session)
        secrets.unite(m_session->toScope().secrets());
    secrets.unite(m_pastSecrets);
    return secrets;
}

void QueryClient::rememberSessionSecrets()
{
    // A replaced token may still be valid, and may still be in a reply this client hands out: the first
    // attempt of a query whose retry failed too (QA pass 50: a server's echo of the old token was printed
    // in clear, as only the refreshed session's secrets were masked).
    if (m_session)
        m_pastSecrets.unite(m_session->toScope().secrets());
}

void QueryClient::replaceSession(const std::optional<AuthSession> &session)
{
    rememberSessionSecrets();
    m_session = session;
}

bool QueryClient::usesCustomAuth() const
{
    return m_resource.authMethod == Resource::AuthMethod::Custom;
}

Scope QueryClient::baseScope() const
{
    return VariableScope::of(m_workspace.variables, m_overrides, VariableScope::Given::MayAdd);
}

QStringList QueryClient::tokenOrigins() const
{
    if (!m_tokenOrigins) { // every query asks: worked out once per set of overrides
        QStringList urls {m_resource.baseUrl};
        const CustomAuth &auth = m_resource.customAuth;
        if (auth.testsLogin())
            urls.append(auth.loginTestUrl);
        for (const Step &step : auth.refreshWorkflow.steps) {
            if (const auto *request = std::get_if<ApiRequestStep>(&step); request && request->enabled)
                urls.append(request->url);
        }
        const Scope scope = baseScope();
        QStringList origins;
        for (const QString &url : std::as_const(urls)) {
            const QString origin = originOf(url, scope);
            if (!origin.isEmpty() && !origins.contains(origin))
                origins.append(origin);
        }
        origins.sort();
        m_tokenOrigins = origins;
    }
    return *m_tokenOrigins;
}

QString QueryClient::originOf(const QString &url, const Scope &scope, QString *why) const
{
    QString written = url.trimmed();
    if (written.contains(QLatin1String("{{"))) {
        // A URL's script has no business running long, and one that doesn't finish quickly can't be told.
        const EvalResult evaluated = evaluateQuickly(written, scope, QStringLiteral("url"));
        if (!evaluated.ok() && why)
            *why = evaluated.error;
        written = evaluated.ok() ? valueToText(evaluated.value).trimmed() : QString();
    }
    return AuthSession::originOf(QUrl(written));
}

EvalResult QueryClient::evaluateQuickly(const QString &text, const Scope &scope, const QString &origin) const
{
    EvalResult result;
    if (!m_engine->tryWithin(WorkflowRunner::InlineScriptMs,
                             [&] { result = m_evaluator->evaluate(text, scope, origin); }))
        return EvalResult::failure(QStringLiteral("%1: its script ran longer than %2 ms")
                                       .arg(origin)
                                       .arg(WorkflowRunner::InlineScriptMs));
    return result;
}

QString QueryClient::baseOrigin(QString *why) const
{
    return originOf(m_resource.baseUrl, sessionScope(), why);
}

bool QueryClient::sessionIsForAnotherServer() const
{
    return m_session && !anotherServerReason(*m_session).isEmpty();
}

QString QueryClient::anotherServerReason(const AuthSession &session) const
{
    if (session.origins.isEmpty())
        return {};
    // Only a server the session wasn't made with counts: fewer of them (the login test switched off, a
    // refresh step removed) sends it nowhere new, and was called "another server" naming its own.
    QStringList elsewhere;
    for (const QString &origin : tokenOrigins()) {
        if (!session.origins.contains(origin))
            elsewhere.append(origin);
    }
    if (elsewhere.isEmpty())
        return {};
    return QStringLiteral("the session is for %1, and the resource now sends it to %2")
        .arg(session.origins.join(QStringLiteral(", ")), elsewhere.join(QStringLiteral(", ")));
}

// Built once per session generation (every login, refresh, load or logout bumps it) instead of once per
// query: the headers of every query are filled from it.
const Scope &QueryClient::sessionScope() const
{
    if (!m_sessionScope || m_sessionScopeGeneration != m_generation) {
        // Another server's session sends it nothing (see proceed()).
        m_sessionScope =
            m_session && !sessionIsForAnotherServer() ? m_session->toScope(baseScope()) : baseScope();
        m_sessionScopeGeneration = m_generation;
    }
    return *m_sessionScope;
}

PendingQuery *QueryClient::send(const Query &query)
{
    auto *pending = new PendingQuery(query, this);
    if (m_workspace.findResource(m_resource.name) == nullptr) {
        fail(pending, QStringLiteral("The workspace has no resource named \"%1\".").arg(m_resource.name),
             false);
        return pending;
    }
    // What the query itself gets wrong is said before a login or refresh is spent on it (QA pass 39: a
    // refresh ran, then "Not sent").
    if (const QString problem = queryProblem(query); !problem.isEmpty()) {
        fail(pending, QStringLiteral("Not sent: %1").arg(problem), false);
        return pending;
    }
    proceed(pending);
    return pending;
}

QString QueryClient::queryProblem(const Query &query) const
{
    // Said of the resource, before any login: the path alone was called "not a valid URL" ('/me').
    if (m_resource.baseUrl.trimmed().isEmpty() && !isWholeUrl(query.path)) {
        return QStringLiteral("resource \"%1\" has no base URL; set one (the server's address, e.g. "
                              "https://api.example.com), or send a whole http:// or https:// URL")
            .arg(m_resource.name);
    }
    for (const KeyValue &header : query.headers) {
        QString problem = WorkspaceValidator::headerNameProblem(header);
        if (problem.isEmpty())
            problem = WorkspaceValidator::headerValueProblem(header);
        if (!problem.isEmpty())
            return QStringLiteral("query, header '%1': %2").arg(header.name.left(40), problem);
    }
    const QStringList variables = m_workspace.enabledVariableNames();
    QSet<QString> known(variables.cbegin(), variables.cend());
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        known.insert(it.key());
    if (usesCustomAuth()) {
        for (const Workflow *workflow :
             {&m_resource.customAuth.authWorkflow, &m_resource.customAuth.refreshWorkflow}) {
            for (const QString &name : workflow->definedVariableNames())
                known.insert(name);
        }
        if (m_session) {
            for (const QString &name : m_session->variables.keys())
                known.insert(name);
        }
    }
    QList<std::pair<QString, QString>> texts {{QStringLiteral("path"), query.path},
                                              {QStringLiteral("body"), query.body}};
    for (const KeyValue &header : query.headers)
        texts.append({QStringLiteral("header '%1'").arg(header.name), header.value});
    for (const KeyValue &parameter : query.parameters)
        texts.append({QStringLiteral("parameter '%1'").arg(parameter.name), parameter.value});
    for (const auto &[where, text] : texts) {
        if (!text.contains(QLatin1String("{{")))
            continue;
        for (const QString &name : Template::parse(text)->rootNames()) {
            if (!known.contains(name) && !JavaScriptIdentifier::isBuiltinGlobal(name))
                return QStringLiteral("query, %1: unknown name '%2' (no workspace variable and no variable "
                                      "the resource's workflows define)")
                    .arg(where, name);
        }
    }
    return {};
}

PendingQuery *QueryClient::checkLogin()
{
    auto *probe = new PendingQuery(Query(), this);
    probe->m_probe = true;
    probe->m_everyQueryRefreshDone = true; // nothing is sent, so nothing to refresh for
    proceed(probe);
    return probe;
}

void QueryClient::fail(PendingQuery *query, const QString &error, bool loginRequired)
{
    if (query->m_finished)
        return;
    query->m_result.error = error;
    query->m_result.loginRequired = loginRequired;
    query->m_result.succeeded = false;
    if (query->m_result.originalFailure)
        query->m_result.response = *query->m_result.originalFailure;
    // From the event loop: send() may still be on the stack, and its caller hasn't connected yet.
    QMetaObject::invokeMethod(query, &PendingQuery::finish, Qt::QueuedConnection);
}

void QueryClient::wait(PendingQuery *query)
{
    if (!m_waiting.contains(query))
        m_waiting.append(query);
}

void QueryClient::forgetWaiter(PendingQuery *query)
{
    m_waiting.removeAll(query);
}

void QueryClient::stopBuilding(PendingQuery *query)
{
    if (query->m_buildTicket != 0 && m_scriptWorker)
        m_scriptWorker->interrupt(std::exchange(query->m_buildTicket, 0));
}

void QueryClient::resumeWaiters()
{
    const QList<QPointer<PendingQuery>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<PendingQuery> &query : waiting) {
        if (query && !query->m_finished)
            proceed(query);
    }
}

void QueryClient::failWaiters(const QString &error, bool loginRequired)
{
    const QList<QPointer<PendingQuery>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<PendingQuery> &query : waiting) {
        if (query && !query->m_finished)
            fail(query, error, loginRequired);
    }
}

// Decides what a query needs before it can go out: the session loaded, a login, the login test, a
// refresh for expiry or for every query. Anything that needs an auth operation waits for it (one at a
// time, shared by all waiting queries) and comes back here when it is done.
void QueryClient::proceed(PendingQuery *query)
{
    if (!usesCustomAuth()) {
        sendRequest(query);
        return;
    }
    if (m_publicMode) {
        fail(query,
             QStringLiteral(
                 "Resource \"%1\" uses custom auth, which is not available in public mode (no user account "
                 "to keep a session for). Use it from an app that people log in to.")
                 .arg(m_resource.name),
             false);
        return;
    }
    if (m_operation != AuthOperation::None) {
        wait(query);
        return;
    }
    if (!m_sessionLoaded) {
        wait(query);
        loadSession(&QueryClient::resumeWaiters);
        return;
    }
    // The store is shared with other processes: a logout there (authstudio-cli logout) ends this session
    // too, rather than this process refreshing it and writing it back (QA pass 37), and a login there is
    // used here. Read again before a query, at most every SessionRereadMs.
    // A query that waited for a read goes on with what it read, however long the store took; every later
    // query is judged on its own (QA pass 38: a flag kept for "the next query" let the query after a
    // refresh skip the read, refresh a session logged out elsewhere and write it back).
    if (!query->m_storeRead && m_sessionReadAt.isValid() &&
        m_sessionReadAt.msecsTo(m_clock->now()) >= m_sessionRereadMs) {
        wait(query);
        loadSession(&QueryClient::resumeWaiters, true);
        return;
    }
    const CustomAuth &auth = m_resource.customAuth;
    const QDateTime now = m_clock->now();
    if (m_needsLogin) {
        wait(query);
        // The test's answer is said: a 404 from a mistyped test URL read as a session gone bad (QA pass 42).
        loginNeeded(
            m_needsLoginTrigger,
            m_needsLoginTrigger == AuthEvent::Trigger::LoginTestUrl && m_needsLoginStatus > 0
                ? QStringLiteral("the session is no longer valid (the login test URL answered HTTP %1)")
                      .arg(m_needsLoginStatus)
                : QStringLiteral("the session is no longer valid"),
            m_needsLoginStatus);
        return;
    }
    if (!m_session) {
        wait(query);
        loginNeeded(AuthEvent::Trigger::NoSession,
                    m_sessionGoneFromStore
                        ? QStringLiteral("logged out elsewhere (the session is no longer in the keychain)")
                        : QStringLiteral("not logged in"));
        return;
    }
    if (sessionIsForAnotherServer()) {
        // Its tokens were issued by the server the resource pointed at when it logged in; pointed at
        // another since (staging for production, a --var), they are not sent there, not even to test or
        // refresh them (QA pass 32: a token from one host went to another). The stored session stays, for
        // when the resource points back; a login here replaces it.
        const QString reason = anotherServerReason(*m_session);
        replaceSession(std::nullopt);
        ++m_generation;
        Q_EMIT sessionChanged();
        wait(query);
        // Said in the login's event and by its trigger: "login (noSession)" read as if no session were
        // stored (QA passes 44 and 47).
        loginNeeded(AuthEvent::Trigger::AnotherServer, reason, 0, true);
        return;
    }
    if (auth.loginTimeoutSeconds > 0 && m_session->loggedInAt.secsTo(now) >= auth.loginTimeoutSeconds) {
        wait(query);
        loginNeeded(AuthEvent::Trigger::SessionTimeout,
                    QStringLiteral("the session is older than the login timeout (%1 s)")
                        .arg(auth.loginTimeoutSeconds));
        return;
    }
    // A session known to have expired is refreshed before anything is sent with it, the login test
    // included: tested first, its dead token would fail the test and cost a whole login, and the refresh
    // token would never be used.
    if (auth.refreshTrigger == CustomAuth::RefreshTrigger::TimeBased && expiryDue()) {
        wait(query);
        if (!auth.refreshWorkflow.isEmpty())
            startRefresh(AuthEvent::Trigger::Expiry);
        else
            loginNeeded(AuthEvent::Trigger::Expiry, QStringLiteral("the session expired"));
        return;
    }
    if (const QString missing = WorkspaceValidator::loginTestUrlMissing(auth);
        !missing.isEmpty() && !m_loginTested) {
        m_loginTested = true; // said once per session, as a test would have run once
        record(AuthEvent::Kind::Warning, AuthEvent::Trigger::LoginTestUrl, false, 0, missing);
    }
    if (auth.testsLogin() && !m_loginTested) {
        wait(query);
        runLoginTest();
        return;
    }
    if (auth.refreshTrigger == CustomAuth::RefreshTrigger::EveryQuery && !query->m_everyQueryRefreshDone &&
        !auth.refreshWorkflow.isEmpty()) {
        query->m_everyQueryRefreshDone = true;
        wait(query);
        startRefresh(AuthEvent::Trigger::EveryQuery);
        return;
    }
    if (query->m_refreshTried && !query->m_result.retried) {
        query->m_result.retried = true;
        ++m_stats.retries;
        record(AuthEvent::Kind::Retry, AuthEvent::Trigger::FailedQuery, true, 0, {},
               query->m_result.originalFailure->status);
    }
    sendRequest(query);
}

// A login is needed. Silent resources and the RunWorkflow policy run the auth workflow; otherwise every
// waiting query fails with "login required" and the caller is told once, to show its prompt.
void QueryClient::loginNeeded(AuthEvent::Trigger trigger, const QString &reason, int triggerStatus,
                              bool sayWhy)
{
    if (m_resource.customAuth.runWithoutPrompt || m_loginPolicy == LoginPolicy::RunWorkflow) {
        // The failed query's status goes along: the login's event said "failed query (0)" (QA pass 32).
        const QString why = sayWhy ? reason : QString();
        if (m_resource.customAuth.runWithoutPrompt && trigger == AuthEvent::Trigger::NoSession)
            startLogin(AuthEvent::Trigger::Silent, 0, why);
        else
            startLogin(trigger, triggerStatus, why);
        return;
    }
    if (!m_loginRequiredReported) { // once until the next login attempt, not once per waiting query
        m_loginRequiredReported = true;
        record(AuthEvent::Kind::LoginRequired, trigger, true, 0, reason, triggerStatus);
        Q_EMIT loginRequired(reason);
    }
    failWaiters(QStringLiteral("Login required: %1.").arg(reason), true);
}

void QueryClient::loadSession(void (QueryClient::*then)(), bool again)
{
    m_operation = AuthOperation::LoadSession;
    auto loaded = [this, then, again](const std::optional<AuthSession> &session) {
        m_sessionReadAt = m_clock->now();
        for (const QPointer<PendingQuery> &waiting : std::as_const(m_waiting)) {
            if (waiting)
                waiting->m_storeRead = true;
        }
        m_operation = AuthOperation::None;
        // As the store keeps it: a session kept here and the same one read back compare alike.
        const auto stored = [](const std::optional<AuthSession> &s) {
            return s ? s->toJson() : QByteArray();
        };
        if (again && stored(session) == stored(m_session)) {
            (this->*then)();
            return;
        }
        m_sessionGoneFromStore = again && m_session && !session;
        if (again) {
            // Another process's login or logout: what this one learnt of the old session goes with it.
            m_needsLogin = false;
            m_loginTested = false;
            m_loginRequiredReported = false;
        }
        replaceSession(session);
        m_sessionLoaded = true;
        ++m_generation;
        Q_EMIT sessionLoaded();
        if (again)
            Q_EMIT sessionChanged();
        (this->*then)();
    };
    if (again)
        m_sessions->reload(sessionKey(), this, std::move(loaded));
    else
        m_sessions->load(sessionKey(), this, std::move(loaded));
}

void QueryClient::runLoginTest()
{
    m_operation = AuthOperation::LoginTest;
    m_operationStarted = m_clock->now();
    ApiRequestStep step;
    step.name = QStringLiteral("loginTest");
    step.method = QStringLiteral("GET");
    step.url = m_resource.customAuth.loginTestUrl;
    step.headers = m_resource.headers;
    const quint64 generation = m_generation;
    m_loginTestBuild =
        buildRequest(step, sessionScope(), [this, generation](const PreparedRequest &prepared) {
            m_loginTestBuild = 0;
            sendLoginTest(prepared, generation);
        });
}

void QueryClient::sendLoginTest(const PreparedRequest &prepared, quint64 generation)
{
    // `sent`: false when the test couldn't be sent, which tells nothing of the session. `refreshable`: its
    // reply is one the resource refreshes a failed query on.
    auto done = [this, generation](bool loggedIn, const QString &message, int status, bool sent = true,
                                   bool refreshable = false) {
        if (generation != m_generation) {
            // The session it tested is gone meanwhile (a logout, another profile): nothing is learnt, and
            // the waiting queries start over with the one there is now.
            m_operation = AuthOperation::None;
            resumeWaiters();
            return;
        }
        ++m_stats.loginTests;
        m_loginTested = true;
        m_operation = AuthOperation::None;
        record(AuthEvent::Kind::LoginTest, AuthEvent::Trigger::LoginTestUrl, loggedIn,
               m_operationStarted.msecsTo(m_clock->now()), message, status);
        if (!loggedIn && sent && refreshable && m_session &&
            !m_resource.customAuth.refreshWorkflow.isEmpty()) {
            // As for a failed query: the session's refresh token gets its chance before a whole login
            // (QA pass 38: a 401 from the test went straight to "login required"). A failed refresh
            // then needs the login.
            startRefresh(AuthEvent::Trigger::LoginTestUrl, status);
            return;
        }
        if (!loggedIn && sent) {
            m_needsLogin = true;
            m_needsLoginTrigger = AuthEvent::Trigger::LoginTestUrl;
            m_needsLoginStatus = status;
        }
        resumeWaiters();
    };
    if (!prepared.ok()) {
        // Nothing was asked of the server, so nothing is known of the session: it stays, and the query
        // goes on to report the same fault in its own request.
        done(false, QStringLiteral("not sent: %1").arg(SecretMasker(secrets()).maskText(prepared.error)), 0,
             false);
        return;
    }
    QNetworkRequest request = prepared.request;
    request.setTransferTimeout(m_queryTimeoutMs);
    QNetworkReply *reply = RequestBuilder::send(m_network, {request, prepared.verb, prepared.body, {}, {}});
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        const HttpResponse response = HttpResponse::fromReply(reply);
        const int status = response.status;
        const bool loggedIn = response.isSuccess();
        done(loggedIn,
             loggedIn
                 ? QString()
                 : (status ? QStringLiteral("HTTP %1: not logged in").arg(status) : reply->errorString()),
             status, true, status != 0 && isRefreshFailure(response));
    });
}

void QueryClient::startLogin(AuthEvent::Trigger trigger, int triggerStatus, const QString &why)
{
    m_loginRequiredReported = false;
    m_operation = AuthOperation::Login;
    m_operationTrigger = trigger;
    m_operationStatus = triggerStatus;
    m_operationWhy = why;
    m_operationStarted = m_clock->now();
    Q_EMIT loginStarted();
    if (m_resource.customAuth.authWorkflow.runsNothing()) {
        // Run, it would "log in" with an empty session and send the query without credentials (QA pass
        // 39: the preview said Logged in, and the CLI stored the empty session). Failed as a run fails,
        // after returning, as a run's end always comes.
        RunResult nothing;
        nothing.outcome = RunOutcome::Failed;
        nothing.notification = QStringLiteral("the auth workflow of resource \"%1\" has no enabled steps, so "
                                              "a login has nothing to run: add its steps (a Form, an API "
                                              "Request, a Define variable)")
                                   .arg(m_resource.name);
        QMetaObject::invokeMethod(
            this, [this, nothing] { onAuthRunFinished(nothing); }, Qt::QueuedConnection);
        return;
    }
    m_runner->start(m_resource.customAuth.authWorkflow, baseScope());
}

void QueryClient::startRefresh(AuthEvent::Trigger trigger, int triggerStatus)
{
    m_operation = AuthOperation::Refresh;
    m_operationTrigger = trigger;
    m_operationStatus = triggerStatus;
    m_operationStarted = m_clock->now();
    Q_EMIT refreshStarted();
    m_runner->start(m_resource.customAuth.refreshWorkflow, sessionScope());
}

void QueryClient::onAuthRunFinished(const RunResult &result)
{
    const AuthOperation operation = m_operation;
    const bool isTest = std::exchange(m_operationIsTest, false);
    m_operation = AuthOperation::None;
    const QDateTime now = m_clock->now();
    const qint64 duration = m_operationStarted.msecsTo(now);
    QSet<QString> secrets = result.scope.secrets();
    secrets.unite(this->secrets());
    // The failing step's own error names the step and the status ("http1: HTTP 500: ..."), which says more
    // than the notification text alone.
    const QString failure = !result.steps.isEmpty() && !result.steps.last().error.isEmpty()
        ? result.steps.last().error
        : result.notification;
    const SecretMasker masker(secrets);
    const QString message = masker.maskText(failure);
    // The scripts' console lines go into the event, as they are how a login's script is debugged.
    QList<ConsoleLine> console;
    // And the requests it made, and the step it stopped at: which call a failing or slow refresh made,
    // and what came back. (Forms and variables that worked add nothing to that story.)
    QList<AuthEvent::Step> steps;
    for (const StepResult &step : result.steps) {
        console += ConsoleLine::masked(step.console, masker);
        const bool stopped = step.outcome == RunOutcome::Failed || step.outcome == RunOutcome::Cancelled;
        if (stopped || (step.type == StepType::ApiRequest && step.outcome == RunOutcome::Succeeded))
            steps.append({step.name, runOutcomeId(step.outcome), masker.maskText(step.detail),
                          step.httpStatus, step.elapsedNs / 1000000});
    }
    Q_EMIT authRunFinished(result);

    if (operation == AuthOperation::Login) {
        if (result.succeeded()) {
            AuthSession session;
            session.loggedInAt = now;
            session.origins = tokenOrigins();
            session.takeVariables(result.scope, m_resource.customAuth.authWorkflow.definedVariableNames());
            updateExpiry(session);
            replaceSession(session);
            ++m_generation;
            m_sessions->save(sessionKey(), session);
            m_sessionReadAt = now; // the store has this one now
            m_needsLogin = false;
            m_loginTested = true; // a fresh login needs no test
            ++m_stats.logins;
            record(AuthEvent::Kind::Login, m_operationTrigger, true, duration, m_operationWhy,
                   m_operationStatus, false, console, steps);
            Q_EMIT sessionChanged();
            Q_EMIT loginFinished(true, {});
            resumeWaiters();
        } else {
            const bool cancelled = result.outcome == RunOutcome::Cancelled;
            if (!cancelled)
                ++m_stats.failedAuth;
            record(AuthEvent::Kind::Login, m_operationTrigger, false, duration, message, m_operationStatus,
                   cancelled, console, steps);
            Q_EMIT loginFinished(false, message);
            failWaiters(cancelled ? QStringLiteral("Login cancelled; login required.")
                                  : QStringLiteral("Login failed: %1").arg(message),
                        true);
        }
        return;
    }
    if (operation != AuthOperation::Refresh)
        return;
    if (result.succeeded() && m_session) {
        rememberSessionSecrets(); // the variables the refresh replaces
        m_session->takeVariables(result.scope, m_resource.customAuth.refreshWorkflow.definedVariableNames());
        ++m_generation; // right after the variables change: the cached session scope follows it
        m_session->refreshedAt = now;
        updateExpiry(*m_session);
        m_sessions->save(sessionKey(), *m_session);
        m_sessionReadAt = now;
        ++m_stats.refreshes;
        record(AuthEvent::Kind::Refresh, m_operationTrigger, true, duration, {}, m_operationStatus, false,
               console, steps);
        Q_EMIT sessionChanged();
        Q_EMIT refreshFinished(true, {});
        resumeWaiters();
        return;
    }
    ++m_stats.failedAuth;
    const QString reason = result.succeeded() ? QStringLiteral("there is no session to refresh") : message;
    record(AuthEvent::Kind::Refresh, m_operationTrigger, false, duration, reason, m_operationStatus, false,
           console, steps);
    Q_EMIT refreshFinished(false, reason);
    if (isTest) {
        resumeWaiters();
        return;
    }
    m_needsLogin = true;
    m_needsLoginTrigger = m_operationTrigger;
    m_needsLoginStatus = m_operationStatus;
    if (result.outcome == RunOutcome::Cancelled) {
        // Stopped by the user (cancelAuthentication()): no login follows on its own.
        failWaiters(QStringLiteral("The refresh was cancelled; login required."), true);
        return;
    }
    if (m_resource.customAuth.runWithoutPrompt || m_loginPolicy == LoginPolicy::RunWorkflow) {
        // The session can't be renewed, and a login needs no one to ask: it runs now, and the queries
        // waiting go out after it with the new session (each query still retried at most once). The CLI
        // used to fail the query and leave the dead session stored, so every later run of it failed the
        // same way until `logout` (QA pass 32).
        for (const QPointer<PendingQuery> &query : std::as_const(m_waiting)) {
            if (query && query->m_refreshTried)
                query->m_result.loggedInAgain = true;
        }
        startLogin(m_resource.customAuth.runWithoutPrompt ? AuthEvent::Trigger::Silent : m_operationTrigger,
                   m_operationStatus);
        return;
    }
    // The session can't be renewed: everyone waiting gets the same error, and the next use logs in.
    failWaiters(QStringLiteral("The session could not be refreshed (%1); login required.").arg(reason), true);
    record(AuthEvent::Kind::LoginRequired, m_operationTrigger, true, 0, QStringLiteral("refresh failed"),
           m_operationStatus);
    Q_EMIT loginRequired(QStringLiteral("the session could not be refreshed"));
}

void QueryClient::login()
{
    if (m_operation != AuthOperation::None)
        return; // a login or refresh is already running; its outcome is reported the same way
    if (!usesCustomAuth()) {
        Q_EMIT loginFinished(false,
                             QStringLiteral("Resource \"%1\" doesn't use custom auth.").arg(m_resource.name));
        return;
    }
    m_sessionLoaded = true; // a login replaces whatever was stored
    startLogin(AuthEvent::Trigger::Prompt);
}

void QueryClient::cancelAuthentication()
{
    if (isAuthenticating())
        m_runner->cancel(); // reports through onAuthRunFinished(), as cancelled
}

void QueryClient::testRefresh()
{
    if (m_operation != AuthOperation::None)
        return;
    if (m_resource.customAuth.refreshWorkflow.isEmpty()) {
        Q_EMIT refreshFinished(
            false, QStringLiteral("Resource \"%1\" has no refresh workflow.").arg(m_resource.name));
        return;
    }
    if (!m_sessionLoaded) {
        loadSession(&QueryClient::testRefresh); // then run the refresh on its own
        return;
    }
    m_operationIsTest = true;
    startRefresh(AuthEvent::Trigger::Manual);
}

void QueryClient::logout()
{
    m_sessions->forget(sessionKey());
    replaceSession(std::nullopt);
    m_sessionLoaded = true;
    m_loginTested = false;
    m_needsLogin = false;
    ++m_generation;
    stopLoginTestBuild();
    record(AuthEvent::Kind::Logout, AuthEvent::Trigger::Manual, true, 0);
    Q_EMIT sessionChanged();
}

void QueryClient::sendRequest(PendingQuery *query, const QUrl &redirectTo, const QByteArray &redirectVerb)
{
    if (query->m_probe) { // the session is ready: that is all a login check wanted to know
        query->m_result.succeeded = true;
        QMetaObject::invokeMethod(query, &PendingQuery::finish, Qt::QueuedConnection);
        return;
    }
    const Query &q = query->m_query;
    ApiRequestStep step;
    step.name = QStringLiteral("query");
    step.method = q.method.toUpper();
    // A whole URL pasted where the path goes (as Postman takes one) was glued onto the base URL,
    // ".../http://..." (QA pass 38). One on the resource's own server is sent as written; see below.
    const bool wholeUrl = isWholeUrl(q.path);
    step.url = wholeUrl ? q.path.trimmed() : joinUrl(m_resource.baseUrl, q.path);
    step.headers = m_resource.headers;
    for (const KeyValue &header : q.headers) {
        // A query's own header replaces the resource's header of the same name.
        step.headers.removeIf([&header](const KeyValue &existing) {
            return existing.name.compare(header.name, Qt::CaseInsensitive) == 0;
        });
        step.headers.append(header);
    }
    step.queryParameters = m_resource.urlParameters + q.parameters;
    QString body = q.body;
    if (!m_resource.bodyDefaults.isEmpty() && step.method != QLatin1String("GET") &&
        step.method != QLatin1String("HEAD")) {
        // Defaults join an object body (or make one); any other body is sent as it is.
        const QJsonDocument given = QJsonDocument::fromJson(body.toUtf8());
        if (body.trimmed().isEmpty() || given.isObject()) {
            QJsonObject object = given.object();
            for (const KeyValue &field : m_resource.bodyDefaults) {
                if (field.enabled && !object.contains(field.name))
                    object.insert(field.name, field.value);
            }
            body = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
    }
    if (!body.isEmpty()) {
        step.body.kind = RequestBody::Kind::Json;
        step.body.text = body;
    }
    const Scope scope = sessionScope();
    const quint64 generation = m_generation; // what the request carries, even when built later
    QPointer<PendingQuery> waiting(query);
    const quint64 ticket = buildRequest(
        step, scope,
        [this, waiting, step, scope, generation, redirectTo, redirectVerb](PreparedRequest prepared) {
            if (!waiting || waiting->m_finished)
                return; // cancelled meanwhile
            waiting->m_buildTicket = 0;
            if (generation != m_generation) {
                // Built on the worker while the session changed (a logout, a refresh, another profile):
                // it would carry the old one. It goes through again, as a new query would.
                proceed(waiting);
                return;
            }
            sendPrepared(waiting, step, scope, std::move(prepared), generation, redirectTo, redirectVerb);
        });
    if (waiting) // 0 when built at once
        waiting->m_buildTicket = ticket;
}

quint64 QueryClient::buildRequest(const ApiRequestStep &step, const Scope &scope,
                                  const std::function<void(PreparedRequest)> &then)
{
    PreparedRequest prepared;
    // As the runner does with a step's expressions: built here unless a script in them runs long, which
    // is stopped and run again on the worker thread, so the studio's window isn't held.
    if (m_engine->tryWithin(WorkflowRunner::InlineScriptMs,
                            [&] { prepared = RequestBuilder::build(step, scope, *m_evaluator); })) {
        then(std::move(prepared));
        return 0;
    }
    if (!m_scriptWorker)
        m_scriptWorker = new ScriptStepWorker(this);
    return m_scriptWorker->buildRequest(step, scope, m_engine->timeoutMs(),
                                        [then](quint64, PreparedRequest late) { then(std::move(late)); });
}

void QueryClient::sendPrepared(PendingQuery *query, const ApiRequestStep &step, const Scope &scope,
                               PreparedRequest prepared, quint64 generation, const QUrl &redirectTo,
                               const QByteArray &redirectVerb)
{
    if (!prepared.ok()) {
        fail(query, SecretMasker(scope.secrets()).maskText(prepared.error), false);
        return;
    }
    const Query &q = query->m_query;
    if (isWholeUrl(q.path)) {
        // The resource's headers carry its session, which is for its own server only.
        QString why;
        const QString own = baseOrigin(&why);
        const QString target = AuthSession::originOf(prepared.request.url());
        if (own.isEmpty()) {
            // Nothing to compare with: refused rather than sent anywhere with the session.
            fail(query,
                 SecretMasker(scope.secrets())
                     .maskText(
                         QStringLiteral("the resource's base URL can't be worked out (%1), so %2 can't be "
                                        "told to be on its server; give a path, such as /me")
                             .arg(why.isEmpty() ? QStringLiteral("it names no server") : why,
                                  q.path.trimmed())),
                 false);
            return;
        }
        if (target != own) {
            fail(query,
                 QStringLiteral("%1 is on another server than the resource's (%2): queries go to the "
                                "resource's server, with its session; give a path, such as /me")
                     .arg(target.isEmpty() ? q.path.trimmed() : target, own),
                 false);
            return;
        }
    }
    if (redirectTo.isValid()) {
        const bool crossOrigin =
            AuthSession::originOf(prepared.request.url()) != AuthSession::originOf(redirectTo);
        prepared.request.setUrl(redirectTo);
        if (redirectVerb != prepared.verb) {
            prepared.verb = redirectVerb;
            prepared.body.clear();
            prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, QVariant());
        }
        if (crossOrigin) {
            // Credentials stay with the origin they were meant for: drop Authorization, Cookie and every
            // header filled from session variables (or by a script, which might read them).
            const QStringList variableNames = m_session ? m_session->variables.keys() : QStringList();
            QStringList authHeaders {QStringLiteral("authorization"), QStringLiteral("cookie"),
                                     QStringLiteral("proxy-authorization")};
            for (const KeyValue &header : step.headers) {
                const auto parsed = Template::parse(header.value);
                bool fromSession = false;
                for (const Template::Part &part : parsed->parts())
                    fromSession |= part.kind == Template::Part::Kind::Script ||
                        (part.kind == Template::Part::Kind::Path &&
                         variableNames.contains(part.path.first().key));
                if (fromSession)
                    authHeaders.append(header.name.toLower());
            }
            for (const QByteArray &name : prepared.request.rawHeaderList()) {
                if (authHeaders.contains(QString::fromLatin1(name).toLower()))
                    prepared.request.setRawHeader(name, QByteArray()); // a null value removes the header
            }
        }
    }
    prepared.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                  QNetworkRequest::ManualRedirectPolicy);
    prepared.request.setTransferTimeout(m_queryTimeoutMs);
    query->m_sentWithGeneration = generation;
    query->m_result.requestLine =
        QStringLiteral("%1 %2").arg(QString::fromLatin1(prepared.verb), prepared.request.url().toString());
    query->m_result.requestHeaders.clear();
    for (const QByteArray &name : prepared.request.rawHeaderList())
        query->m_result.requestHeaders.append({name, prepared.request.rawHeader(name)});
    query->m_result.requestBody = prepared.body;

    QNetworkReply *reply = RequestBuilder::send(m_network, prepared);
    reply->setParent(query);
    query->m_reply = reply;
    connect(reply, &QNetworkReply::finished, query, [this, query, reply] { onReplyFinished(query, reply); });
    // From the event loop: send() may have got here before its caller could connect.
    QMetaObject::invokeMethod(
        query,
        [query] {
            if (!query->m_finished)
                Q_EMIT query->requestSent(query->m_result);
        },
        Qt::QueuedConnection);
}

void QueryClient::onReplyFinished(PendingQuery *query, QNetworkReply *reply)
{
    query->m_reply = nullptr;
    reply->deleteLater();
    if (query->m_finished)
        return;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // Our own cancel disconnects first, so a cancelled reply here is the transfer timeout.
        const QString error = reply->error() == QNetworkReply::OperationCanceledError
            ? QStringLiteral("No reply from %1 within %2 s (the query timeout).")
                  .arg(reply->url().host())
                  .arg(m_queryTimeoutMs / 1000.0)
            : QStringLiteral("The request to %1 failed: %2")
                  .arg(reply->url().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo), reply->errorString());
        fail(query, error, false);
        return;
    }
    const HttpResponse response = HttpResponse::fromReply(reply);

    const QByteArray location = reply->rawHeader("Location");
    if (response.status >= 300 && response.status < 400 && !location.isEmpty()) {
        if (++query->m_redirects > MaxRedirects) {
            fail(query, QStringLiteral("Too many redirects (more than %1).").arg(MaxRedirects), false);
            return;
        }
        const QUrl target = reply->url().resolved(QUrl::fromEncoded(location));
        QByteArray verb = reply->operation() == QNetworkAccessManager::CustomOperation
            ? reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()
            : QByteArray();
        if (verb.isEmpty()) {
            static const QHash<int, QByteArray> verbs {{QNetworkAccessManager::GetOperation, "GET"},
                                                       {QNetworkAccessManager::PostOperation, "POST"},
                                                       {QNetworkAccessManager::PutOperation, "PUT"},
                                                       {QNetworkAccessManager::DeleteOperation, "DELETE"},
                                                       {QNetworkAccessManager::HeadOperation, "HEAD"}};
            verb = verbs.value(reply->operation(), "GET");
        }
        // As browsers do: 303 always becomes GET, 301/302 turn POST into GET; 307/308 keep the method.
        if (response.status == 303 || ((response.status == 301 || response.status == 302) && verb == "POST"))
            verb = "GET";
        sendRequest(query, target, verb);
        return;
    }

    if (usesCustomAuth() && isRefreshFailure(response) && !query->m_refreshTried &&
        !m_resource.customAuth.refreshWorkflow.isEmpty()) {
        // The retry is counted and logged when it is sent (proceed): a refresh that fails sends none.
        query->m_refreshTried = true;
        query->m_result.originalFailure = response;
        wait(query);
        if (query->m_sentWithGeneration != m_generation) {
            // The session was renewed while this request was out: retry with it, no new refresh.
            if (m_operation == AuthOperation::None)
                resumeWaiters();
            return;
        }
        query->m_result.refreshed = true;
        if (m_operation == AuthOperation::None)
            startRefresh(AuthEvent::Trigger::FailedQuery, response.status);
        return;
    }

    query->m_result.response = response;
    query->m_result.succeeded = response.isSuccess();
    if (query->m_result.retried && usesCustomAuth() && isRefreshFailure(response)) {
        // Failed again with a session just refreshed: the caller gets the original failure. A 401 says the
        // server doesn't take the new credentials either: the session needs a login. Any other status (a
        // 403 for this user, a 404 under the default of refreshing on any failure) is this request's: the
        // session stays, and the next queries go out with it (QA pass 37: a 404 left every later query of
        // the studio's waiting for a login).
        query->m_result.response = *query->m_result.originalFailure;
        // Said as it happened: a refresh that failed is followed by a new login (QA pass 44: "after the
        // session was refreshed" when the refresh had failed).
        const QString renewed = query->m_result.loggedInAgain
            ? QStringLiteral("after a new login")
            : QStringLiteral("after the session was refreshed");
        if (response.status != 401) {
            query->m_result.error =
                QStringLiteral("The query failed again %1 (HTTP %2): the server refuses this "
                               "request with the new session too.")
                    .arg(renewed)
                    .arg(response.status);
            query->finish();
            return;
        }
        query->m_result.loginRequired = true;
        query->m_result.error = QStringLiteral("The query failed again %1; login required.").arg(renewed);
        if (!m_needsLogin) {
            m_needsLogin = true;
            m_needsLoginTrigger = AuthEvent::Trigger::FailedQuery;
            m_needsLoginStatus = response.status;
            record(AuthEvent::Kind::LoginRequired, AuthEvent::Trigger::FailedQuery, true, 0,
                   QStringLiteral("the retried query failed again"), response.status);
            if (m_resource.customAuth.runWithoutPrompt && m_operation == AuthOperation::None)
                startLogin(AuthEvent::Trigger::Silent);
            else
                Q_EMIT loginRequired(QStringLiteral("the query failed again %1").arg(renewed));
        }
    }
    query->finish();
}

bool QueryClient::isRefreshFailure(const HttpResponse &response) const
{
    const CustomAuth &auth = m_resource.customAuth;
    if (auth.refreshOnStatuses.isEmpty() && auth.refreshOnBodyPattern.isEmpty())
        return !response.isSuccess();
    if (!auth.refreshOnStatuses.isEmpty() && !auth.refreshOnStatuses.contains(response.status))
        return false;
    if (!auth.refreshOnBodyPattern.isEmpty()) {
        const QRegularExpression pattern(auth.refreshOnBodyPattern);
        return pattern.isValid() && pattern.match(QString::fromUtf8(response.body)).hasMatch();
    }
    return true;
}

// The lifetime rule: a positive number of seconds (a constant or an expression over the session's
// variables). Anything else (missing, zero, negative, not a number) turns time-based refresh off for this
// session with a warning in the event log, rather than refreshing in a loop; huge values are capped.
void QueryClient::updateExpiry(AuthSession &session)
{
    session.expiresAt = QDateTime();
    const CustomAuth &auth = m_resource.customAuth;
    if (auth.refreshTrigger != CustomAuth::RefreshTrigger::TimeBased)
        return;
    auto warn = [this](const QString &text) {
        record(AuthEvent::Kind::Warning, AuthEvent::Trigger::Expiry, false, 0, text);
    };
    if (const QString missing = WorkspaceValidator::lifetimeMissing(auth); !missing.isEmpty()) {
        warn(missing);
        return;
    }
    // Worked out after each login and refresh: a lifetime's script that doesn't finish quickly is taken
    // as one that can't be computed.
    const EvalResult value =
        evaluateQuickly(auth.expiresIn, session.toScope(baseScope()), QStringLiteral("expiresIn"));
    if (!value.ok()) {
        warn(QStringLiteral(
                 "the lifetime could not be computed (%1); time-based refresh is off for this session")
                 .arg(value.error));
        return;
    }
    bool numeric = value.value.isDouble();
    double seconds = value.value.toDouble();
    if (value.value.isString())
        seconds = value.value.toString().trimmed().toDouble(&numeric);
    if (!numeric || !std::isfinite(seconds) || seconds <= 0) {
        warn(QStringLiteral("the lifetime '%1' is not a positive number of seconds; time-based refresh is "
                            "off for this session")
                 .arg(valueToText(value.value).left(40)));
        return;
    }
    if (seconds > double(MaxLifetimeSeconds)) {
        warn(QStringLiteral("the lifetime of %1 is capped at %2")
                 .arg(readableLifetime(seconds), readableLifetime(double(MaxLifetimeSeconds))));
        seconds = double(MaxLifetimeSeconds);
    }
    session.expiresAt = m_clock->now().addMSecs(qint64(seconds * 1000));
}

// Due shortly before expiry (a lead of a tenth of the lifetime, at most 30 s), but never sooner than
// MinMsBetweenTimedRefreshes after the last login or refresh: a tiny lifetime can't cause back-to-back
// refreshes.
bool QueryClient::expiryDue() const
{
    if (!m_session || !m_session->expiresAt.isValid())
        return false;
    const QDateTime now = m_clock->now();
    const QDateTime renewedAt =
        m_session->refreshedAt.isValid() ? m_session->refreshedAt : m_session->loggedInAt;
    const qint64 lifetimeMs = renewedAt.msecsTo(m_session->expiresAt);
    const qint64 leadMs = std::min(MaxLeadMs, lifetimeMs / 10);
    if (renewedAt.msecsTo(now) < MinMsBetweenTimedRefreshes)
        return false;
    return now.msecsTo(m_session->expiresAt) <= leadMs;
}

void QueryClient::record(AuthEvent::Kind kind, AuthEvent::Trigger trigger, bool succeeded, qint64 durationMs,
                         const QString &message, int triggerStatus, bool cancelled,
                         const QList<ConsoleLine> &console, const QList<AuthEvent::Step> &steps)
{
    AuthEvent event;
    event.kind = kind;
    event.trigger = trigger;
    event.triggerStatus = triggerStatus;
    event.time = m_clock->now();
    event.durationMs = durationMs;
    event.succeeded = succeeded;
    event.cancelled = !succeeded && cancelled;
    event.message = SecretMasker(secrets()).maskText(message);
    event.console = console; // masked by the caller, with the run's secrets too
    event.steps = steps; // likewise
    if (m_session) {
        event.sessionAgeSeconds = m_session->loggedInAt.secsTo(event.time);
        // Only while the resource refreshes on expiry: a session from before a switch to another trigger
        // keeps its expiry, which then means nothing ("expires in 0 s" under Every query run, QA pass 44).
        if (m_session->expiresAt.isValid() &&
            m_resource.customAuth.refreshTrigger == CustomAuth::RefreshTrigger::TimeBased)
            event.expiresInSeconds = std::max<qint64>(0, event.time.secsTo(m_session->expiresAt));
    }
    m_events.append(event);
    Q_EMIT eventRecorded(event);
}

} // namespace AuthStudio
