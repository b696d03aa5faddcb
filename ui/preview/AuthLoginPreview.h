// AuthLoginPreview: previews the app-side component of a custom-auth resource, the way an app built on it
// would behave: an Auth Login button bound to the resource, the user's session (state, variables with
// secrets masked, expiry countdown), a query box that sends requests through the resource as that user
// (and cancels a slow one) and shows the request as sent (body included) and the response (both masked), a
// timeline of the refresh when a query triggered one, and the resource's auth event log. Everything goes
// through one QueryClient per opened resource, with LoginPolicy::AskCaller, so a query that needs a login
// says so instead of prompting.
//
// The auth event log is the resource's session's, not the client's: a client is made anew for every edit
// of the resource and every time the resource is shown, so the preview keeps each resource's events itself,
// by profile and resource name (an edit keeps the shown ones; a renamed resource's follow it). They go when
// the resource leaves the workspace, when another workspace replaces this one, or with the log's Clear
// button.
//
// Opening check: what an app built on the resource does when it loads, through QueryClient::checkLogin()
// (which loads the stored session, runs the login test and logs in silently or reports loginRequired
// as the resource says, without sending a query). It runs only when the resource has the login test URL
// enabled or runs without prompting, because only those make an app act on opening:
//   - the session is good: "Logged in";
//   - loginRequired (no session, or the login test failed) on a prompting resource: the preview prompts
//     as the app would, with client.login(), so the form appears;
//   - a resource that runs without prompting has already been logged in silently by the client;
//   - anything else (the login test URL unreachable, the silent login failed): the message is shown and
//     the preview waits for an Auth Login click.
// Without either setting nothing is checked on opening: the preview shows the stored session as the
// session store has it and waits for Auth Login or the first query, which finds out whether it works.
// (An earlier plan sent a probe GET to the login test URL's path under the base URL; checkLogin() does
// the same check without the extra request and for any login test URL, so the preview uses it.)
#pragma once

#include "model/Workspace.h"
#include "net/Query.h"
#include "session/AuthEvent.h"
#include "session/AuthSession.h"

#include <QHash>
#include <QKeySequence>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace AuthStudio {

class Clock;
class DialogPrompter;
class ElidedLabel;
class FormPrompter;
class PendingQuery;
class QueryClient;
class ScopeInspector;
class SecretMasker;
class SessionManager;
struct AuthEvent;

class AuthLoginPreview : public QWidget
{
    Q_OBJECT
public:
    // Auth Login (Cancel Login while one runs), wherever the preview is shown; Help > Keyboard Shortcuts
    // lists it with the preview's other keys.
    static QKeySequence loginKeys() { return QKeySequence(Qt::CTRL | Qt::Key_L); }
    // The action behind loginKeys(): a window showing the preview in a floating dock adds it too, so the
    // key works from the window as it does with the preview docked.
    QAction *loginAction() const { return m_loginAction; }
    static constexpr int CountdownIntervalMs = 1000;
    // Enough lines for a long session of testing; older ones are dropped so the list stays cheap.
    static constexpr int MaxEventLogLines = 1000;
    // A multi-megabyte body (response or request) is cut for display; the preview is for reading, not for
    // downloading.
    static constexpr qsizetype MaxShownBodyChars = 200000;

    // Neither is owned; both must outlive the preview.
    AuthLoginPreview(QNetworkAccessManager *network, SessionManager *sessions, QWidget *parent = nullptr);
    ~AuthLoginPreview() override;

    // Why setResource() is called: the preview opened on a resource (shown, another workspace), another
    // resource was selected while it is shown, or the resource it shows was edited, a rename included.
    enum class Update { Opened, Selected, Edited };

    // Shows one resource: makes a new QueryClient for it. On Opened it runs the opening check (see above),
    // which may log in or prompt as an app would. On Selected it runs the check but doesn't open a login
    // form: going through the resource list (by mouse or arrow keys) must not pop up a modal that takes
    // the keyboard; it says the app would ask now, and Auth Login does. On Edited it runs no check: typing in
    // the resource's fields (its name, which keys its session, above all) must never log the user in or open
    // a login form; the next query or Auth Login uses the edited resource. A call with the same resource,
    // workspace variables and overrides as the open one does nothing, so it is safe on every document change.
    // workspaceId identifies the workspace for session keys (its file's canonical path).
    void setResource(const Workspace &workspace, const QString &workspaceId, const QString &resourceName,
                     const QHash<QString, QString> &variableOverrides = {}, Update update = Update::Opened);
    // Drops the client (a query in flight is abandoned, an open login form closed) and empties the last
    // query's request, response and timeline, which were that resource's; the stored session stays in
    // the session store. `why` is shown where the login's status goes: why there is nothing to preview.
    void closeResource(const QString &why = {});
    // Another workspace replaces this one (File > New, Open): closes the resource and forgets the old
    // workspace's auth events and the query typed for it too. setResource() alone can't tell: the same file
    // opened again shows the same resource with the same session.
    void closeWorkspace();
    QString resourceName() const { return m_resourceName; }
    QueryClient *client() const { return m_client.get(); }

    // The user the preview acts as; empty means SessionManager::defaultProfile(). Reopens the resource.
    void setProfile(const QString &profile);
    QString profile() const;

    // Not owned; null restores the preview's own DialogPrompter (the modal form). For the next login.
    void setPrompter(FormPrompter *prompter);
    FormPrompter *prompter() const;
    DialogPrompter *dialogPrompter() const { return m_dialogPrompter; }

    // Not owned; null restores the system clock. Used by the client and the expiry countdown.
    void setClock(Clock *clock);

    // What the buttons do, for menus and shortcuts.
    void login();
    void logout();
    // Sends the query box's request; false (and nothing sent) without a resource, while a query is in
    // flight, or when the body isn't JSON.
    bool sendQuery();
    // Aborts the query in flight, its request included (PendingQuery::cancel()); it reports as cancelled.
    void cancelQuery();
    bool isQueryRunning() const { return !m_pending.isNull(); }
    // Empties the shown resource's auth event log (the Clear button).
    void clearEventLog();

    // The session as the session store has it now (what the panel shows).
    std::optional<AuthSession> shownSession() const;
    // Why the shown session is not sent where the resource now sends its values (see
    // QueryClient::anotherServerReason), or empty.
    QString anotherServerReason() const;
    // Why the auth workflow would stop after its form has asked for values (WorkflowPrecheck), or empty.
    QString loginWouldStop() const;
    bool isLoggedIn() const;

Q_SIGNALS:
    // "Logged in", "Not logged in" or "Login required" changed, or the session's variables did.
    void sessionStateChanged();
    void queryFinished(const AuthStudio::QueryResult &result);

protected:
    // Esc cancels the query in flight while the focus is in the preview (see the constructor).
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void openClient(Update update = Update::Opened);
    void dropClient();
    void runOpeningCheck(bool mayPrompt);
    // The trigger of a refresh the opening check made (after expiry, after a failed login test), if any.
    std::optional<AuthEvent::Trigger> refreshDuringCheck() const;
    void onProbeFinished(const QueryResult &result);
    void onQueryFinished(const QueryResult &result);
    void onSessionChanged();
    void onSessionLoaded();
    void onLoginStarted();
    QString waitingForKeychainText() const;
    void onLoginRequired(const QString &reason);
    void onLoginFinished(bool succeeded, const QString &message);
    void onRefreshFinished(bool succeeded, const QString &message);
    void appendEvent(const AuthEvent &event);
    // The shown log goes to m_eventLogs under its resource, or comes from there.
    void stashEventLog();
    void takeEventLog();
    // Follows the workspace's resources from one setResource() to the next: the events and query inputs
    // of a resource renamed move to its new name, those of a resource removed go.
    void followResourceNames(const Workspace &workspace);
    // What is typed in the query box is the shown resource's: kept in m_otherQueryInputs while another is
    // shown (QA pass 50: a header typed for one resource, X-Echo: {{ TOKEN }}, went with queries to the
    // next, which had no TOKEN).
    struct QueryInputs
    {
        int method = 0;
        QString path;
        QString body;
        QString headers;
        QString parameters;
        bool isEmpty() const
        {
            return method == 0 && path.isEmpty() && body.isEmpty() && headers.isEmpty() &&
                parameters.isEmpty();
        }
    };
    QueryInputs queryInputs() const;
    void showQueryInputs(const QueryInputs &inputs);

    void updateSessionView();
    void updateCountdown();
    int loginTimeoutSeconds() const;
    void updateButtons();
    void setAuthStatus(const QString &text);
    // "Headers (2)": each input tab says how many lines it holds, so none is forgotten when not shown.
    void updateQueryInputTitles();
    SecretMasker masker() const;
    QString requestText(const QueryResult &result, const SecretMasker &masker) const;
    QString responseText(const QueryResult &result, const SecretMasker &masker) const;
    void fillTimeline(const QueryResult &result, const SecretMasker &masker);
    void addFirstAttempt(const QueryResult &result, const QString &request, const SecretMasker &masker);
    // Empties the last query's request, response and timeline, and shows the Request tab.
    void clearExchange();
    void showTimelineCount();
    // After Save As: says where the sessions went (the status line, until another message replaces it).
    void sayStoredElsewhere();
    // A timeline entry's reply, as Response shows it when the entry is selected.
    static constexpr int ResponseRole = Qt::UserRole + 1;

    QNetworkAccessManager *m_network;
    SessionManager *m_sessions;
    Clock *m_clock;
    DialogPrompter *m_dialogPrompter;
    QPointer<FormPrompter> m_customPrompter;
    std::unique_ptr<QueryClient> m_client;

    // What the open client was made from, so setResource() can tell a real change from a repeat.
    Workspace m_workspace;
    QString m_workspaceId;
    QString m_resourceName;
    bool m_loginAfterLoad = false; // Auth Login pressed while the stored session was being read
    QHash<QString, QString> m_overrides;
    QString m_profile;

    QPointer<PendingQuery> m_probe; // the opening check
    int m_loginsBeforeCheck = 0; // tells a silent login during the check from a good stored session
    qsizetype m_eventsBeforeCheck = 0; // the events of the check follow: a refresh, and why
    bool m_loginDuringCheck = false; // the check logged in without prompting: the login says how it went
    QString m_pendingWarning; // recorded during the login or refresh under way, said when it ends
    QPointer<PendingQuery> m_pending;
    bool m_savedElsewhere = false; // the client was reopened for a new file key only (Save As)
    bool m_statusSaysSavedElsewhere = false; // the status line says so (sessionNotSaved may amend it)
    bool m_precheckSaid = false; // the status says the login would stop: Auth Login again logs in anyway
    bool m_statusSaysLoggedIn = false;
    bool m_statusSaysEdited = false; // "Resource edited: the next query … uses it", until one has // "Logged
                                     // in.": updateCountdown() says when that has run out
    bool m_checkMayPrompt = true; // the opening check may open the login form (Update::Opened)
    bool m_authRunCancelled = false; // the last login's workflow was cancelled (its form closed)
    qsizetype m_pendingFirstEvent = 0; // the client's event count when the query was sent
    // The client said a login is needed although a session is stored (login test or refresh failed).
    bool m_loginRequired = false;
    // The auth events of the resources not shown now, by profile and resource name; the shown resource's
    // are in m_eventLog.
    using EventLogKey = QPair<QString, QString>;
    QHash<EventLogKey, QStringList> m_eventLogs;
    QHash<QString, QueryInputs> m_otherQueryInputs; // of the resources not shown now, by name
    QStringList m_resourceNames; // the workspace's, as the last setResource() had them

    QLabel *m_title;
    QLabel *m_sessionState;
    QLabel *m_sessionDetail;
    QLabel *m_expiryCountdown;
    ElidedLabel *m_authStatus;
    QPushButton *m_loginButton;
    QAction *m_loginAction = nullptr; // Ctrl+L; its tooltip is the button's while no login runs
    QPushButton *m_logoutButton;
    ScopeInspector *m_variables;
    QComboBox *m_method;
    QLineEdit *m_path;
    QPlainTextEdit *m_body;
    QPlainTextEdit *m_queryHeaders; // "Name: value" a line
    QPlainTextEdit *m_queryParameters; // "name=value" a line
    QTabWidget *m_queryInputs; // Body, Headers and Params
    QPushButton *m_sendButton;
    QPushButton *m_cancelButton;
    QPlainTextEdit *m_requestView;
    QPlainTextEdit *m_responseView;
    QListWidget *m_timeline;
    QTabWidget *m_exchangeTabs; // Request and Timeline
    QListWidget *m_eventLog;
    QPushButton *m_clearEventLogButton;
    QTimer *m_countdownTimer;
};

} // namespace AuthStudio
