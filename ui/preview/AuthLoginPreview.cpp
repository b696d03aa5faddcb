#include "AuthLoginPreview.h"

#include "editor/JavaScriptStepEditor.h"
#include "net/PendingQuery.h"
#include "net/QueryClient.h"
#include "net/QueryLines.h"
#include "run/DialogPrompter.h"
#include "run/JsonBodyTemplate.h"
#include "run/ScopeInspector.h"
#include "run/StepResult.h"
#include "run/WorkflowPrecheck.h"
#include "script/SecretMasker.h"
#include "script/VisibleText.h"
#include "session/AuthEvent.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "widgets/ElidedLabel.h"
#include "widgets/LongWordWrapper.h"
#include "widgets/StudioAction.h"
#include "widgets/StudioFonts.h"
#include "widgets/WrappingLabel.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>
#include <utility>

namespace AuthStudio {

namespace {

QString statusLine(const HttpResponse &response)
{
    return QStringLiteral("HTTP %1 %2").arg(response.status).arg(response.reasonPhrase).trimmed();
}

// "59:58", "1:00:00", "2 d 03:04:05": short enough to read at a glance, exact to the second.
QString formatRemaining(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 secs = seconds % 60;
    const QString mmss =
        QStringLiteral("%1:%2").arg(minutes, 2, 10, QLatin1Char('0')).arg(secs, 2, 10, QLatin1Char('0'));
    if (days > 0)
        return QStringLiteral("%1 d %2:%3").arg(days).arg(hours, 2, 10, QLatin1Char('0')).arg(mmss);
    if (hours > 0)
        return QStringLiteral("%1:%2").arg(hours).arg(mmss);
    return mmss;
}

// Authorization and Cookie carry credentials whatever the session says is secret (a static API key in
// the resource's headers isn't a session secret), so their values are always masked. The scheme word of
// Authorization stays: "Bearer ********" tells whether the header is built right without showing the
// token, and a bare "Bearer" shows that the token was missing.
QString maskedHeaderValue(const QByteArray &name, const QByteArray &value, const SecretMasker &masker)
{
    const QString text = QString::fromUtf8(value);
    const QByteArray lower = name.toLower();
    if (lower == "authorization" || lower == "proxy-authorization") {
        static const QRegularExpression scheme(
            QStringLiteral(R"(^(Bearer|Basic|Digest|Token|Negotiate|NTLM|DPoP|ApiKey|JWT)(\s+\S.*)?$)"),
            QRegularExpression::CaseInsensitiveOption);
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty())
            return {};
        const QRegularExpressionMatch match = scheme.match(trimmed);
        if (!match.hasMatch())
            return SecretMasker::mask();
        return match.capturedLength(2) > 0 ? match.captured(1) + QLatin1Char(' ') + SecretMasker::mask()
                                           : match.captured(1);
    }
    if (lower == "cookie") {
        // Cookie names help to see which session cookie went out; the values are the credentials.
        QStringList cookies;
        const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const qsizetype equals = part.indexOf(QLatin1Char('='));
            cookies.append(equals < 0
                               ? SecretMasker::mask()
                               : part.left(equals).trimmed() + QLatin1Char('=') + SecretMasker::mask());
        }
        return cookies.join(QStringLiteral("; "));
    }
    return masker.maskText(text);
}

// A body as people read it: JSON indented, secret values masked wherever they are, and cut at `limit`
// characters with a note, as the view would take long to lay out a multi-megabyte text.
QString shownBody(const QJsonValue &body, const SecretMasker &masker, qsizetype limit)
{
    QString text;
    if (body.isObject())
        text = QString::fromUtf8(
            QJsonDocument(masker.maskJson(body).toObject()).toJson(QJsonDocument::Indented));
    else if (body.isArray())
        text =
            QString::fromUtf8(QJsonDocument(masker.maskJson(body).toArray()).toJson(QJsonDocument::Indented));
    else
        text = masker.maskText(body.toString());
    if (text.size() > limit)
        text = text.left(limit) + QLatin1Char('\n') +
            AuthLoginPreview::tr("\u2026 (%1 more characters not shown)").arg(text.size() - limit);
    return text;
}

QPlainTextEdit *readOnlyTextView(QWidget *parent, const QString &objectName)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    // Wrapped, and long tokens and URLs broken anywhere: the dock is narrow beside the editors (about 400
    // px at 1280x800), and a header scrolled out of sight sideways is a header missed.
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    new LongWordWrapper(view); // and fast with a word of thousands of characters (the view owns it)
    // The system's fixed font in the palette's own text colours: readable in light and dark themes.
    view->setFont(StudioFonts::monospace());
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return view;
}

} // namespace

AuthLoginPreview::AuthLoginPreview(QNetworkAccessManager *network, SessionManager *sessions, QWidget *parent)
    : QWidget(parent)
    , m_network(network)
    , m_sessions(sessions)
    , m_clock(Clock::system())
    , m_dialogPrompter(new DialogPrompter(this))
    , m_title(new ElidedLabel(this))
    , m_sessionState(new QLabel(this))
    , m_sessionDetail(new WrappingLabel(this))
    , m_expiryCountdown(new ElidedLabel(this))
    , m_authStatus(new ElidedLabel(this))
    , m_loginButton(new QPushButton(tr("Auth Login"), this))
    , m_logoutButton(new QPushButton(tr("Log out"), this))
    , m_variables(new ScopeInspector(this))
    , m_method(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_queryHeaders(new QPlainTextEdit(this))
    , m_queryParameters(new QPlainTextEdit(this))
    , m_queryInputs(new QTabWidget(this))
    , m_sendButton(new QPushButton(tr("Send"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_requestView(readOnlyTextView(this, QStringLiteral("requestView")))
    , m_responseView(readOnlyTextView(this, QStringLiteral("responseView")))
    , m_timeline(new QListWidget(this))
    , m_exchangeTabs(new QTabWidget(this))
    , m_eventLog(new QListWidget(this))
    , m_clearEventLogButton(new QPushButton(tr("Clear"), this))
    , m_countdownTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("authLoginPreview"));
    setAccessibleName(tr("Auth login preview"));

    // Server and user text is shown as plain text everywhere: a name like "<b>" must not render.
    m_title->setObjectName(QStringLiteral("resourceTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_sessionState->setObjectName(QStringLiteral("sessionState"));
    m_sessionState->setTextFormat(Qt::PlainText);
    m_sessionState->setFont(titleFont);
    m_sessionState->setAccessibleName(tr("Session state"));
    m_sessionState->setToolTip(tr("Whether the previewing user has a session for this resource"));

    m_sessionDetail->setObjectName(QStringLiteral("sessionDetail"));
    m_sessionDetail->setTextFormat(Qt::PlainText);
    m_sessionDetail->setAccessibleName(tr("Session details"));
    m_sessionDetail->setWordWrap(true);

    m_expiryCountdown->setObjectName(QStringLiteral("expiryCountdown"));
    m_expiryCountdown->setTextFormat(Qt::PlainText);
    m_expiryCountdown->setAccessibleName(tr("Session expiry"));
    // Its text changes every second: it takes the room the row has and is cut to it, never widening the
    // preview and its dock (QA pass 32: "login times out in 00:19" moved the dock's edge by 8 px for good),
    // and keeps its place while hidden, so that showing it doesn't add the row's spacing either.
    QSizePolicy countdownPolicy = m_expiryCountdown->sizePolicy();
    countdownPolicy.setRetainSizeWhenHidden(true);
    m_expiryCountdown->setSizePolicy(countdownPolicy);
    m_expiryCountdown->hide();

    // One line, cut with "…", the whole message in its tooltip: wrapped, a long message (an error, a
    // hint) grew the Session section by lines and moved the query row below it while the user aimed at it.
    m_authStatus->setObjectName(QStringLiteral("authStatus"));
    // Two lines: what an app would do next, and the instruction, read without hovering (QA pass 47).
    m_authStatus->setLineCount(2);
    m_authStatus->setTextFormat(Qt::PlainText);
    m_authStatus->setAccessibleName(tr("Auth status"));

    m_loginButton->setObjectName(QStringLiteral("authLoginButton"));
    m_loginButton->setAccessibleName(tr("Auth Login"));
    // Ctrl+L wherever the preview is shown: an action on it, so the key is free while its dock is hidden.
    m_loginAction = StudioAction::create(
        this, QStringLiteral("authLoginAction"), tr("Auth Login"),
        tr("Run the resource's auth workflow now, as the app's login button would; its forms open as "
           "dialogs"),
        loginKeys());
    addAction(m_loginAction);
    connect(m_loginAction, &QAction::triggered, this, [this] {
        if (m_loginButton->isEnabled())
            login();
    });
    m_loginButton->setToolTip(m_loginAction->toolTip()); // with the key
    m_logoutButton->setObjectName(QStringLiteral("logoutButton"));
    m_logoutButton->setAccessibleName(tr("Log out"));
    m_logoutButton->setToolTip(tr("Forget this user's session for the resource, here and in the keychain"));

    m_variables->setObjectName(QStringLiteral("sessionVariables"));
    m_variables->setAccessibleName(tr("Session variables"));
    m_variables->setToolTip(tr("The variables the auth workflow defined for this user; secrets stay masked "
                               "unless revealed"));
    // Room for a token, a refresh token and an expiry with their header: on a 800-pixel screen the
    // sections' minimums decide, and the preview scrolls rather than squeeze this to one row.
    m_variables->view()->setMinimumHeight(m_variables->view()->fontMetrics().lineSpacing() * 6);

    m_method->setObjectName(QStringLiteral("queryMethod"));
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD")});
    m_method->setAccessibleName(tr("Query method"));
    m_method->setToolTip(tr("The HTTP method of the query"));

    m_path->setObjectName(QStringLiteral("queryPath"));
    m_path->setPlaceholderText(tr("/path, e.g. /me"));
    m_path->setClearButtonEnabled(true);
    m_path->setAccessibleName(tr("Query path"));
    m_path->setToolTip(tr("The path relative to the resource's base URL (or a whole URL on its server); may "
                          "hold {{ expressions }}. Enter sends the query."));

    m_body->setObjectName(QStringLiteral("queryBody"));
    m_body->setPlaceholderText(tr("Optional JSON body"));
    m_body->setAccessibleName(tr("Query body"));
    m_body->setToolTip(
        tr("A JSON body for the query (strings may hold {{ expressions }}); leave empty for none"));
    m_queryHeaders->setObjectName(QStringLiteral("queryHeaders"));
    m_queryHeaders->setPlaceholderText(tr("One a line, e.g. Accept: application/json"));
    m_queryHeaders->setAccessibleName(tr("Query headers"));
    m_queryHeaders->setToolTip(tr("Headers of this query only, one \"Name: value\" a line (values may hold "
                                  "{{ expressions }}); one named like a resource header replaces it"));
    m_queryParameters->setObjectName(QStringLiteral("queryParameters"));
    m_queryParameters->setPlaceholderText(tr("One a line, e.g. page=2"));
    m_queryParameters->setAccessibleName(tr("Query URL parameters"));
    m_queryParameters->setToolTip(tr("URL parameters of this query only, one \"name=value\" a line (values "
                                     "may hold {{ expressions }}), after the resource's"));
    const QFont fixed = StudioFonts::monospace();
    for (QPlainTextEdit *input : {m_body, m_queryHeaders, m_queryParameters}) {
        new LongWordWrapper(input); // a pasted one-line body of thousands of characters (the input owns it)
        input->setFont(fixed);
        input->setTabChangesFocus(true);
        input->setMaximumHeight(input->fontMetrics().lineSpacing() * 5);
    }
    // In the place the body had alone (QA pass 38 missed a query's own headers and parameters, which
    // Postman users expect): no taller than it was.
    m_queryInputs->setObjectName(QStringLiteral("queryInputs"));
    // No taller than its pages: a tab widget asks for its pages' preferred height whatever their maximum,
    // and showed an empty band of about 110 pixels under the five-line body (QA pass 44), height the
    // request and the response beside it needed.
    m_queryInputs->setMaximumHeight(m_queryInputs->tabBar()->sizeHint().height() + m_body->maximumHeight() +
                                    2 * m_queryInputs->style()->pixelMetric(QStyle::PM_DefaultFrameWidth));
    m_queryInputs->setDocumentMode(true);
    m_queryInputs->setAccessibleName(tr("Query body, headers and parameters"));
    m_queryInputs->tabBar()->setAccessibleName(m_queryInputs->accessibleName());
    m_queryInputs->addTab(m_body, tr("Body"));
    m_queryInputs->addTab(m_queryHeaders, tr("Headers"));
    m_queryInputs->addTab(m_queryParameters, tr("Params"));
    for (int i = 0; i < m_queryInputs->count(); ++i)
        m_queryInputs->setTabToolTip(i, m_queryInputs->widget(i)->toolTip());
    for (QPlainTextEdit *input : {m_body, m_queryHeaders, m_queryParameters})
        connect(input, &QPlainTextEdit::textChanged, this, &AuthLoginPreview::updateQueryInputTitles);

    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAccessibleName(tr("Send query"));
    m_sendButton->setToolTip(tr("Send the query through the resource as this user; the session is filled "
                                "in and refreshed as the resource says"));
    // Beside Send rather than in its place: the row keeps its shape, and a click meant for Send that
    // lands just as a query starts doesn't cancel it.
    m_cancelButton->setObjectName(QStringLiteral("cancelQueryButton"));
    m_cancelButton->setAccessibleName(tr("Cancel query"));
    m_cancelButton->setToolTip(
        tr("Stop waiting for the query and abort its request (%1)")
            .arg(QKeySequence(QKeySequence::Cancel).toString(QKeySequence::NativeText)));

    m_requestView->setAccessibleName(tr("Request as sent"));
    m_requestView->setToolTip(tr("The request line, headers and body as sent; secrets, Authorization and "
                                 "Cookie values are masked"));
    m_requestView->setPlaceholderText(tr("The request appears here when a query is sent"));
    m_responseView->setAccessibleName(tr("Response"));
    m_responseView->setToolTip(tr("The status and body of the reply; secret values are masked"));
    m_responseView->setPlaceholderText(tr("The response appears here"));

    m_timeline->setObjectName(QStringLiteral("refreshTimeline"));
    m_timeline->setAccessibleName(tr("Query timeline"));
    m_timeline->setToolTip(tr("What happened for the last query: the first reply, any refresh or login it "
                              "waited for, and the final reply"));
    m_timeline->setWordWrap(true);
    m_timeline->setAlternatingRowColors(true);

    m_eventLog->setObjectName(QStringLiteral("eventLog"));
    m_eventLog->setAccessibleName(tr("Auth event log"));
    m_eventLog->setToolTip(
        tr("Logins, refreshes, retries, login tests and logouts for this resource, with what their "
           "scripts wrote to the console, masked"));
    m_eventLog->setAlternatingRowColors(true);
    m_eventLog->setWordWrap(true); // an event's detail is read whole, not scrolled to sideways
    m_clearEventLogButton->setObjectName(QStringLiteral("clearEventLogButton"));
    m_clearEventLogButton->setAccessibleName(tr("Clear auth events"));
    m_clearEventLogButton->setToolTip(tr("Empty this resource's auth event log; the session stays"));

    // Session section.
    auto *sessionButtons = new QHBoxLayout;
    sessionButtons->addWidget(m_sessionState);
    sessionButtons->addWidget(m_expiryCountdown, 1); // and the row's room to spare
    sessionButtons->addWidget(m_loginButton);
    sessionButtons->addWidget(m_logoutButton);
    auto *sessionBox = new QGroupBox(tr("Session"), this);
    auto *sessionLayout = new QVBoxLayout(sessionBox);
    sessionLayout->addLayout(sessionButtons);
    sessionLayout->addWidget(m_sessionDetail);
    sessionLayout->addWidget(m_authStatus);
    sessionLayout->addWidget(m_variables, 1);

    // Query section.
    auto *queryLine = new QHBoxLayout;
    queryLine->addWidget(m_method);
    queryLine->addWidget(m_path, 1);
    queryLine->addWidget(m_sendButton);
    queryLine->addWidget(m_cancelButton);
    // Alt+B, as the "Body:" label before the tabs gave: the body, shown and with the cursor in it.
    auto *bodyAction = new QAction(this);
    bodyAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_B));
    bodyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(bodyAction, &QAction::triggered, this, [this] {
        m_queryInputs->setCurrentWidget(m_body);
        m_body->setFocus(Qt::ShortcutFocusReason);
    });
    addAction(bodyAction);
    // The request and the timeline share the left pane as tabs, each with the pane's whole height: stacked,
    // at 1280x800 each showed two lines. The timeline comes forward when a query had a story to tell
    // (a refresh or a login it waited for); the response stays in sight beside either.
    m_exchangeTabs->setObjectName(QStringLiteral("exchangeTabs"));
    m_exchangeTabs->setDocumentMode(true);
    // The tab bar is what takes the focus: a screen reader says its name, not the tab widget's.
    m_exchangeTabs->setAccessibleName(tr("Query request and timeline"));
    m_exchangeTabs->tabBar()->setAccessibleName(m_exchangeTabs->accessibleName());
    m_exchangeTabs->addTab(m_requestView, tr("Request"));
    m_exchangeTabs->addTab(m_timeline, tr("Timeline"));
    m_exchangeTabs->setTabToolTip(0, m_requestView->toolTip());
    m_exchangeTabs->setTabToolTip(1, m_timeline->toolTip());
    auto *requestPane = new QWidget(this);
    auto *requestPaneLayout = new QVBoxLayout(requestPane);
    requestPaneLayout->setContentsMargins(0, 0, 0, 0);
    requestPaneLayout->addWidget(m_exchangeTabs, 1);
    // A tab of its own, so its title lines up with the left pane's.
    auto *responsePane = new QTabWidget(this);
    responsePane->setObjectName(QStringLiteral("responseTabs"));
    responsePane->setDocumentMode(true);
    responsePane->setAccessibleName(tr("Query response"));
    responsePane->tabBar()->setAccessibleName(responsePane->accessibleName());
    responsePane->addTab(m_responseView, tr("Response"));
    responsePane->setTabToolTip(0, m_responseView->toolTip());
    auto *exchange = new QSplitter(Qt::Horizontal, this);
    exchange->setObjectName(QStringLiteral("exchangeSplitter"));
    exchange->setChildrenCollapsible(false);
    exchange->addWidget(requestPane);
    exchange->addWidget(responsePane);
    auto *queryBox = new QGroupBox(tr("Query"), this);
    auto *queryLayout = new QVBoxLayout(queryBox);
    queryLayout->addLayout(queryLine);
    queryLayout->addWidget(m_queryInputs);
    queryLayout->addWidget(exchange, 1);

    auto *eventsBox = new QGroupBox(tr("Auth events"), this);
    // Clear beside the log rather than below it: the section takes no more height.
    auto *eventsButtons = new QVBoxLayout;
    eventsButtons->addWidget(m_clearEventLogButton);
    eventsButtons->addStretch(1);
    auto *eventsLayout = new QHBoxLayout(eventsBox);
    eventsLayout->addWidget(m_eventLog, 1);
    eventsLayout->addLayout(eventsButtons);

    // Each text pane and list keeps three lines at the least, rather than a scroll area's stock minimum
    // (about five): the whole preview then fits the window's height at 1280x800 with nothing scrolled
    // away. Dragging the splitters or a taller window gives them more.
    for (QAbstractScrollArea *pane : std::initializer_list<QAbstractScrollArea *> {
             m_body, m_requestView, m_responseView, m_timeline, m_eventLog}) {
        pane->setMinimumHeight(3 * pane->fontMetrics().lineSpacing() + 2 * pane->frameWidth() + 8);
    }

    auto *sections = new QSplitter(Qt::Vertical, this);
    sections->setObjectName(QStringLiteral("previewSplitter"));
    sections->setChildrenCollapsible(false);
    sections->addWidget(sessionBox);
    sections->addWidget(queryBox);
    sections->addWidget(eventsBox);
    sections->setStretchFactor(0, 1);
    sections->setStretchFactor(1, 2);
    sections->setStretchFactor(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(sections, 1);

    m_countdownTimer->setInterval(CountdownIntervalMs);
    connect(m_countdownTimer, &QTimer::timeout, this, &AuthLoginPreview::updateCountdown);
    connect(m_loginButton, &QPushButton::clicked, this, &AuthLoginPreview::login);
    connect(m_logoutButton, &QPushButton::clicked, this, &AuthLoginPreview::logout);
    connect(m_clearEventLogButton, &QPushButton::clicked, this, &AuthLoginPreview::clearEventLog);
    connect(m_sendButton, &QPushButton::clicked, this, &AuthLoginPreview::sendQuery);
    connect(m_path, &QLineEdit::returnPressed, this, &AuthLoginPreview::sendQuery);
    // A timeline entry with a reply of its own (a refresh's first attempt, the retried reply) shows it.
    connect(m_timeline, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(ResponseRole).isValid())
            LongWordWrapper::setPlainText(m_responseView, item->data(ResponseRole).toString());
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &AuthLoginPreview::cancelQuery);
    // The keychain may refuse the moved session after the status first says where it went (the write is
    // in the background): the status then says it again, as it is now.
    connect(m_sessions, &SessionManager::sessionNotSaved, this, [this] {
        if (m_statusSaysSavedElsewhere)
            sayStoredElsewhere();
    });

    updateSessionView();
}

AuthLoginPreview::~AuthLoginPreview()
{
    // The client goes first, while the prompter it may still reference is alive.
    dropClient();
}

bool AuthLoginPreview::event(QEvent *event)
{
    // Esc cancels the query in flight, not the window's Cancel Test: said before shortcuts are looked for.
    // (A field whose pop-up is open never sends it here: the pop-up has the keys.)
    if (event->type() == QEvent::ShortcutOverride && isQueryRunning() &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Cancel)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void AuthLoginPreview::keyPressEvent(QKeyEvent *event)
{
    // The Cancel button's key, from any field of the preview that leaves Esc to its parents.
    if (isQueryRunning() && event->matches(QKeySequence::Cancel)) {
        cancelQuery();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void AuthLoginPreview::setResource(const Workspace &workspace, const QString &workspaceId,
                                   const QString &resourceName,
                                   const QHash<QString, QString> &variableOverrides, Update update)
{
    followResourceNames(workspace);
    // The client only reads the workspace variables and this one resource: other edits don't reopen it.
    bool sameResource = false;
    if (m_client && resourceName == m_resourceName && variableOverrides == m_overrides &&
        workspace.variables == m_workspace.variables) {
        const Resource *now = workspace.findResource(resourceName);
        const Resource *before = m_workspace.findResource(resourceName);
        sameResource = (now == nullptr) == (before == nullptr) && (now == nullptr || *now == *before);
        if (sameResource && workspaceId == m_workspaceId) {
            // Shown again on the resource it showed, it does what opening does if the last check could not
            // ask (the resource was only selected): a silent resource then logs in (QA pass 45). Not when
            // it has asked already: floating or docking the preview hides and shows it, and re-opened a
            // login form the user had just cancelled (QA pass 46).
            if (update == Update::Opened && !m_checkMayPrompt && !m_client->isAuthenticating() && !m_probe)
                runOpeningCheck(true);
            return;
        }
    }
    // Only the file changed (Save As): the session went with it, nothing was edited.
    m_savedElsewhere = sameResource && update == Update::Edited;
    // An edit leaves the same resource shown, under a new name perhaps: its events and inputs stay.
    const bool anotherResource = update != Update::Edited && resourceName != m_resourceName;
    if (update != Update::Edited)
        stashEventLog();
    // Not kept for a resource the workspace just lost (followResourceNames() has dropped its name).
    if (const QueryInputs typed = queryInputs();
        anotherResource && m_resourceNames.contains(m_resourceName) && !typed.isEmpty())
        m_otherQueryInputs.insert(m_resourceName, typed);
    m_workspace = workspace;
    m_workspaceId = workspaceId;
    m_resourceName = resourceName;
    m_overrides = variableOverrides;
    if (update != Update::Edited)
        takeEventLog();
    if (anotherResource)
        showQueryInputs(m_otherQueryInputs.take(resourceName));
    openClient(update);
}

void AuthLoginPreview::closeResource(const QString &why)
{
    stashEventLog();
    dropClient();
    m_workspace = {};
    m_workspaceId.clear();
    m_resourceName.clear();
    m_overrides.clear();
    m_title->clear();
    setAuthStatus(why);
    clearExchange();
    updateSessionView();
    Q_EMIT sessionStateChanged();
}

void AuthLoginPreview::closeWorkspace()
{
    closeResource();
    m_eventLogs.clear();
    m_resourceNames.clear();
    // The query typed was for the old workspace's API: it means nothing to the next one.
    m_otherQueryInputs.clear();
    showQueryInputs({});
}

AuthLoginPreview::QueryInputs AuthLoginPreview::queryInputs() const
{
    return {m_method->currentIndex(), m_path->text(), m_body->toPlainText(), m_queryHeaders->toPlainText(),
            m_queryParameters->toPlainText()};
}

void AuthLoginPreview::showQueryInputs(const QueryInputs &inputs)
{
    m_method->setCurrentIndex(inputs.method);
    m_path->setText(inputs.path);
    LongWordWrapper::setPlainText(m_body, inputs.body);
    LongWordWrapper::setPlainText(m_queryHeaders, inputs.headers);
    LongWordWrapper::setPlainText(m_queryParameters, inputs.parameters);
}

void AuthLoginPreview::dropClient()
{
    if (m_client) {
        // The runner doesn't close its prompt when it is destroyed: a form left open would answer nobody.
        if (FormPrompter *active = prompter())
            active->cancelPrompt();
        m_client.reset(); // takes its pending queries (its children) with it
    }
    m_probe = nullptr;
    m_pending = nullptr;
    m_loginRequired = false;
    m_countdownTimer->stop();
}

void AuthLoginPreview::openClient(Update update)
{
    const QString resourceName = m_resourceName;
    // Dropping the client stops what it was doing: the user must hear that, not find a login vanished.
    const bool interrupted = m_client && (m_client->isAuthenticating() || isQueryRunning());
    // An edit keeps the stored session, and with it what the server last said of it: a query refused for
    // want of a login still needs one (it showed "Logged in" again after any edit).
    const bool loginRequired = update == Update::Edited && m_loginRequired;
    dropClient();
    m_loginRequired = loginRequired;
    // After an edit, the last query's exchange stays, to compare with the next one (QA pass 26): it is
    // what was sent then, masked when it was shown.
    if (update != Update::Edited)
        clearExchange();
    setAuthStatus({});

    m_client = std::make_unique<QueryClient>(m_network, m_sessions, m_workspace, m_workspaceId, resourceName);
    m_client->setVariableOverrides(m_overrides);
    m_client->setProfile(m_profile);
    m_client->setClock(m_clock);
    // The studio shows its own prompt: a query that needs a login fails with loginRequired.
    m_client->setLoginPolicy(QueryClient::LoginPolicy::AskCaller);
    m_client->setPrompter(prompter());
    m_dialogPrompter->setTitle(tr("Log in to %1").arg(resourceName));

    connect(m_client.get(), &QueryClient::sessionChanged, this, &AuthLoginPreview::onSessionChanged);
    connect(m_client.get(), &QueryClient::sessionLoaded, this, &AuthLoginPreview::onSessionLoaded);
    m_loginAfterLoad = false;
    connect(m_client.get(), &QueryClient::loginRequired, this, &AuthLoginPreview::onLoginRequired);
    connect(m_client.get(), &QueryClient::authRunFinished, this, [this](const RunResult &result) {
        m_authRunCancelled = result.outcome == RunOutcome::Cancelled; // told just before loginFinished
    });
    connect(m_client.get(), &QueryClient::loginStarted, this, &AuthLoginPreview::onLoginStarted);
    connect(m_client.get(), &QueryClient::refreshStarted, this, &AuthLoginPreview::updateButtons);
    connect(m_client.get(), &QueryClient::loginFinished, this, &AuthLoginPreview::onLoginFinished);
    connect(m_client.get(), &QueryClient::refreshFinished, this, &AuthLoginPreview::onRefreshFinished);
    connect(m_client.get(), &QueryClient::eventRecorded, this, &AuthLoginPreview::appendEvent);

    m_title->setText(m_workspace.findResource(resourceName)
                         ? tr("Preview: %1").arg(resourceName)
                         : tr("Preview: %1 (no such resource)").arg(resourceName));
    m_title->setToolTip(m_title->text()); // one line of it shows, cut to the dock's width
    // What the store has, for the session display; the client loads the same session on its first use.
    // The client is the context, so the answer for a client closed meanwhile is dropped.
    m_sessions->load(m_client->sessionKey(), m_client.get(), [this](const std::optional<AuthSession> &) {
        updateSessionView();
        Q_EMIT sessionStateChanged();
    });
    updateSessionView();
    if (update != Update::Edited) {
        m_variables->maskSecrets(); // revealed for one resource is not revealed for the next
        runOpeningCheck(update == Update::Opened);
    } else if (m_savedElsewhere) {
        sayStoredElsewhere();
    } else if (interrupted)
        setAuthStatus(tr("The resource was edited while a login or query ran, which stopped it: press Auth "
                         "Login or Send again."));
    else if (const QString elsewhere = anotherServerReason(); !elsewhere.isEmpty())
        setAuthStatus(tr("Resource edited: login required, as %1. Click Auth Login.").arg(elsewhere));
    else {
        setAuthStatus(tr("Resource edited: the next query or Auth Login uses it."));
        m_statusSaysEdited = true;
    }
}

QString AuthLoginPreview::loginWouldStop() const
{
    if (!m_client)
        return {};
    const std::optional<WorkflowPrecheck::Stop> stop =
        WorkflowPrecheck::firstStop(m_client->resource().customAuth.authWorkflow,
                                    m_client->baseScope().names(), *JavaScriptStepEditor::syntaxChecker());
    if (!stop || !stop->afterForm)
        return {};
    return tr("%1: the login would stop there, after its form has asked for values")
        .arg(masker().maskText(stop->reason));
}

QString AuthLoginPreview::anotherServerReason() const
{
    const std::optional<AuthSession> session = shownSession();
    return session && session->isLoggedIn() && m_client ? m_client->anotherServerReason(*session) : QString();
}

void AuthLoginPreview::sayStoredElsewhere()
{
    // Not contradicting the status bar, which says when the keychain didn't take them.
    setAuthStatus(m_sessions->usingFallback()
                      ? tr("The workspace was saved to a file: its sessions moved with it, kept in memory "
                           "until the studio quits (the keychain didn't take them).")
                      : tr("The workspace was saved to a file: its sessions moved with it."));
    m_statusSaysSavedElsewhere = true;
}

void AuthLoginPreview::runOpeningCheck(bool mayPrompt)
{
    m_checkMayPrompt = mayPrompt;
    const Resource &resource = m_client->resource();
    if (m_workspace.findResource(resource.name) == nullptr) {
        setAuthStatus(tr("The workspace has no resource named \"%1\".").arg(resource.name));
        return;
    }
    if (resource.authMethod != Resource::AuthMethod::Custom) {
        setAuthStatus(tr("This resource doesn't use custom auth: queries go out without a session."));
        return;
    }
    const CustomAuth &auth = resource.customAuth;
    if (!auth.testsLogin() && !auth.runWithoutPrompt) {
        setAuthStatus(tr("No login test URL, so the session isn't checked on opening: the first query shows "
                         "whether it works, and Auth Login logs in anew."));
        return;
    }
    // Selecting a resource only says what an app would do: a resource that logs in without prompting
    // would log in on its own here, and a form in its workflow would open under the user's pointer (or
    // take what they go on typing in the resource filter: QA pass 44). Opening the preview on it does.
    if (!mayPrompt && auth.runWithoutPrompt && auth.authWorkflow.asksTheUser()) {
        // Short: one line of it shows in the dock (QA pass 45 found the instruction cut off).
        setAuthStatus(tr("An app would log in now (its form asks): press Auth Login."));
        return;
    }
    m_loginsBeforeCheck = m_client->stats().logins;
    m_eventsBeforeCheck = m_client->events().size();
    m_loginDuringCheck = false;
    m_probe = m_client->checkLogin();
    connect(m_probe, &PendingQuery::finished, this, &AuthLoginPreview::onProbeFinished);
    if (m_client->isLoadingSession())
        setAuthStatus(waitingForKeychainText());
    else if (m_client->isAuthenticating()) // no session to check, and it logs in on its own
        onLoginStarted();
    else
        setAuthStatus(auth.testsLogin() ? tr("Checking the session with the login test URL\u2026")
                                        : tr("Loading the session\u2026"));
}

void AuthLoginPreview::onProbeFinished(const QueryResult &result)
{
    if (PendingQuery *probe = m_probe)
        probe->deleteLater(); // the client keeps finished queries as children until it goes
    m_probe = nullptr;
    const CustomAuth &auth = m_client->resource().customAuth;
    if (result.succeeded) {
        if (m_client->stats().logins > m_loginsBeforeCheck)
            setAuthStatus(tr("Logged in without prompting (the resource's setting)."));
        else if (const std::optional<AuthEvent::Trigger> refreshed = refreshDuringCheck())
            // Why it was refreshed, as the events say (QA pass 39: "failed the login test" for one
            // refreshed because it had expired, which then passed the test).
            setAuthStatus(*refreshed == AuthEvent::Trigger::LoginTestUrl
                              ? tr("The stored session failed the login test and was refreshed.")
                              : tr("The stored session had expired and was refreshed."));
        else if (auth.testsLogin())
            setAuthStatus(tr("The stored session passed the login test."));
        else
            setAuthStatus(tr("Using the stored session."));
    } else if (result.loginRequired && !auth.runWithoutPrompt && m_checkMayPrompt) {
        // An app prompts right away when its user isn't logged in; the preview does the same, unless the
        // login would stop after its form (as Auth Login says).
        if (const QString stop = loginWouldStop(); !stop.isEmpty()) {
            setAuthStatus(
                tr("%1 %2. Press Auth Login to log in anyway.").arg(masker().maskText(result.error), stop));
            m_precheckSaid = true;
        } else {
            setAuthStatus(tr("%1 Logging in\u2026").arg(masker().maskText(result.error)));
            m_client->login();
        }
    } else if (result.loginRequired && !auth.runWithoutPrompt) {
        setAuthStatus(tr("%1 An app would ask its user to log in now: press Auth Login.")
                          .arg(masker().maskText(result.error)));
    } else if (!m_loginDuringCheck) { // else the login said how it ended ("Login cancelled: …")
        const QString reason = result.error.isEmpty() ? result.response.failureText() : result.error;
        setAuthStatus(tr("The login check failed: %1").arg(masker().maskText(reason)));
    }
    updateSessionView();
}

std::optional<AuthEvent::Trigger> AuthLoginPreview::refreshDuringCheck() const
{
    const QList<AuthEvent> &events = m_client->events();
    for (qsizetype i = qMax<qsizetype>(0, m_eventsBeforeCheck); i < events.size(); ++i) {
        if (events.at(i).kind == AuthEvent::Kind::Refresh && events.at(i).succeeded)
            return events.at(i).trigger;
    }
    return std::nullopt;
}

void AuthLoginPreview::setProfile(const QString &profile)
{
    if (profile == m_profile)
        return;
    stashEventLog(); // another profile is another session, with events of its own
    m_profile = profile;
    if (m_client) {
        takeEventLog();
        openClient();
    }
}

QString AuthLoginPreview::profile() const
{
    return m_profile.isEmpty() ? SessionManager::defaultProfile() : m_profile;
}

void AuthLoginPreview::setPrompter(FormPrompter *prompter)
{
    m_customPrompter = prompter;
    if (m_client)
        m_client->setPrompter(this->prompter());
}

FormPrompter *AuthLoginPreview::prompter() const
{
    return m_customPrompter ? static_cast<FormPrompter *>(m_customPrompter) : m_dialogPrompter;
}

void AuthLoginPreview::setClock(Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    if (m_client)
        m_client->setClock(m_clock);
    updateCountdown();
}

void AuthLoginPreview::login()
{
    if (!m_client)
        return;
    if (m_client->isAuthenticating()) {
        // The button reads "Cancel Login" meanwhile: a server that doesn't answer is no longer waited out
        // to the step's timeout (QA pass 32).
        m_client->cancelAuthentication();
        return;
    }
    if (m_client->isLoadingSession()) {
        // The client would drop a login asked for while it reads the stored session: it goes once the
        // keychain has answered, unless that session turns out to be good.
        m_loginAfterLoad = true;
        setAuthStatus(waitingForKeychainText());
        return;
    }
    // A login that would stop after its form has asked for a password is said first, as Test does (QA
    // pass 48: {{ tokn }} in a URL was found only once the password was typed). A second press logs in
    // anyway: the steps before may be what is being tried.
    if (!m_precheckSaid) {
        if (const QString stop = loginWouldStop(); !stop.isEmpty()) {
            setAuthStatus(tr("%1. Press Auth Login again to log in anyway.").arg(stop));
            m_precheckSaid = true;
            return;
        }
    }
    setAuthStatus(tr("Logging in\u2026"));
    m_client->login();
}

QString AuthLoginPreview::waitingForKeychainText() const
{
    return tr("Waiting for the keychain to hand over the stored session (it may be asking you to unlock "
              "it)\u2026");
}

void AuthLoginPreview::onSessionLoaded()
{
    if (std::exchange(m_loginAfterLoad, false)) {
        login();
        return;
    }
    if (m_probe && m_client->resource().customAuth.testsLogin() && !m_client->isAuthenticating())
        setAuthStatus(tr("Checking the session with the login test URL\u2026"));
}

void AuthLoginPreview::onLoginStarted()
{
    updateButtons(); // Auth Login reads "Cancel Login" while it runs
    // Only the opening check logs in on its own (a resource that runs without prompting): said here, not
    // "Checking the session…", which sent nothing (QA pass 23).
    if (!m_probe)
        return;
    m_loginDuringCheck = true;
    setAuthStatus(tr("Logging in on opening, as the resource runs without prompting\u2026"));
}

void AuthLoginPreview::logout()
{
    if (!m_client)
        return;
    m_client->logout();
    setAuthStatus(tr("Logged out."));
}

bool AuthLoginPreview::sendQuery()
{
    if (!m_client || m_pending)
        return false;
    Query query;
    query.method = m_method->currentText();
    query.path = m_path->text().trimmed();
    query.body = m_body->toPlainText().trimmed();
    if (!query.body.isEmpty()) {
        // The place as the box counts it, so the text it was typed in: the same error with the body trimmed.
        if (const auto error = JsonBodyTemplate::syntaxError(m_body->toPlainText())) {
            LongWordWrapper::setPlainText(
                m_responseView,
                tr("Not sent: the body is not valid JSON (%1 at line %2, column %3).")
                    .arg(error->reason)
                    .arg(error->line)
                    .arg(error->column));
            return false;
        }
    }
    for (const auto &[input, kind, name] :
         {std::tuple {m_queryHeaders, QueryLines::Kind::Headers, tr("Headers")},
          std::tuple {m_queryParameters, QueryLines::Kind::Parameters, tr("Params")}}) {
        QString error;
        const std::optional<KeyValueList> rows = QueryLines::parse(input->toPlainText(), kind, &error);
        if (!rows) {
            m_queryInputs->setCurrentWidget(input);
            LongWordWrapper::setPlainText(m_responseView, tr("Not sent: %1, %2.").arg(name, error));
            return false;
        }
        (kind == QueryLines::Kind::Headers ? query.headers : query.parameters) = *rows;
    }
    m_pendingFirstEvent = m_client->events().size();
    clearExchange();
    LongWordWrapper::setPlainText(m_responseView, tr("Sending\u2026"));
    m_pending = m_client->send(query);
    // The request as sent shows while the reply is awaited: a slow one is no mystery.
    connect(m_pending, &PendingQuery::requestSent, this, [this](const QueryResult &soFar) {
        LongWordWrapper::setPlainText(m_requestView, requestText(soFar, masker()));
    });
    connect(m_pending, &PendingQuery::finished, this, &AuthLoginPreview::onQueryFinished);
    updateButtons();
    return true;
}

void AuthLoginPreview::cancelQuery()
{
    // PendingQuery::cancel() reports at once, so onQueryFinished() has shown the cancel when it returns.
    if (PendingQuery *pending = m_pending)
        pending->cancel();
}

void AuthLoginPreview::onQueryFinished(const QueryResult &result)
{
    if (PendingQuery *pending = m_pending)
        pending->deleteLater(); // the client keeps finished queries as children until it goes
    m_pending = nullptr;
    const SecretMasker mask = masker();
    LongWordWrapper::setPlainText(m_requestView, requestText(result, mask));
    LongWordWrapper::setPlainText(m_responseView, responseText(result, mask));
    fillTimeline(result, mask);
    // A query that went through with a session says it is good, whatever was said before (QA pass 33:
    // "Login required" stayed after the resource pointed back at the server the session is for).
    if (result.succeeded && m_loginRequired && m_client->session()) {
        m_loginRequired = false;
        setAuthStatus(tr("Logged in: the query went through with the stored session."));
        Q_EMIT sessionStateChanged();
    } else if (m_statusSaysEdited && !result.requestLine.isEmpty()) {
        // The next query has used the edited resource: said, the line went stale (QA pass 50).
        setAuthStatus({});
    }
    updateSessionView();
    Q_EMIT queryFinished(result);
}

QString AuthLoginPreview::requestText(const QueryResult &result, const SecretMasker &masker) const
{
    if (result.requestLine.isEmpty())
        return tr("Not sent.");
    QStringList lines {masker.maskText(result.requestLine)};
    for (const auto &[name, value] : result.requestHeaders)
        lines.append(QString::fromLatin1(name) + QStringLiteral(": ") +
                     maskedHeaderValue(name, value, masker));
    if (!result.requestBody.isEmpty()) {
        // After a blank line, as on the wire; JSON indented as the response is, anything else as text.
        const QJsonDocument json = QJsonDocument::fromJson(result.requestBody);
        const QJsonValue body = json.isObject() ? QJsonValue(json.object())
            : json.isArray()                    ? QJsonValue(json.array())
                                                : QJsonValue(QString::fromUtf8(result.requestBody));
        lines.append(QString());
        lines.append(shownBody(body, masker, MaxShownBodyChars));
    }
    return lines.join(QLatin1Char('\n'));
}

QString AuthLoginPreview::responseText(const QueryResult &result, const SecretMasker &masker) const
{
    QStringList parts;
    if (!result.error.isEmpty())
        parts.append(masker.maskText(result.error));
    const HttpResponse &response = result.response;
    if (response.status == 0)
        return parts.join(QLatin1Char('\n'));
    QString head = statusLine(response);
    head += tr(" \u00b7 %1 ms").arg(double(result.elapsedNs) / 1e6, 0, 'f', 0);
    if (result.retried && result.succeeded && result.loggedInAgain)
        head += tr(" \u00b7 retried after a new login (the refresh failed)");
    else if (result.retried && result.succeeded)
        head += tr(" \u00b7 retried after the session was refreshed");
    parts.append(head);
    const QString text = shownBody(response.parsedBody(), masker, MaxShownBodyChars);
    if (!text.isEmpty())
        parts.append(QString() + QLatin1Char('\n') + text);
    return parts.join(QLatin1Char('\n'));
}

namespace {

// What an auth event was, in a sentence's words.
QString eventNoun(const AuthEvent &event)
{
    switch (event.kind) {
    case AuthEvent::Kind::Login:
        return AuthLoginPreview::tr("login");
    case AuthEvent::Kind::Refresh:
        return AuthLoginPreview::tr("refresh");
    case AuthEvent::Kind::LoginTest:
        return AuthLoginPreview::tr("login test");
    default: // not asked for: fillTimeline() says these otherwise
        return AuthLoginPreview::tr("auth event");
    }
}

} // namespace

// The last query's story: its first reply when it asked for a refresh, the auth events it waited for
// (login test, refresh, login; the retry itself is said by the last entry), and the final outcome.
void AuthLoginPreview::fillTimeline(const QueryResult &result, const SecretMasker &masker)
{
    m_timeline->clear();
    const QString request = masker.maskText(result.requestLine);
    bool failureShown = false;
    const QList<AuthEvent> &events = m_client->events();
    for (qsizetype i = m_pendingFirstEvent; i < events.size(); ++i) {
        const AuthEvent &event = events.at(i);
        if (event.kind == AuthEvent::Kind::Retry)
            continue;
        // The first reply came just before what it set off.
        if (result.originalFailure && !failureShown && event.trigger == AuthEvent::Trigger::FailedQuery) {
            addFirstAttempt(result, request, masker);
            failureShown = true;
        }
        // Selected, an event's rows show what it did under Response, not a reply to the query: the pane
        // kept the reply of the row selected before, which read as the refresh's own (QA pass 47).
        // A login required or a warning is something the query met, not something it waited for.
        const bool waitedFor = event.kind == AuthEvent::Kind::Login ||
            event.kind == AuthEvent::Kind::Refresh || event.kind == AuthEvent::Kind::LoginTest;
        QString story =
            (waitedFor ? tr("Not a reply to the query: the %1 it waited for.").arg(eventNoun(event))
                       : tr("Not a reply to the query: what the session said as it was sent.")) +
            QStringLiteral("\n\n") + event.toText();
        for (const AuthEvent::Step &step : event.steps)
            story += QStringLiteral("\n    ") + step.toText();
        if (!event.steps.isEmpty())
            story += QStringLiteral("\n\n") +
                tr("Its replies went to its steps, whose status is above. To see their bodies, run the "
                   "workflow from the Test dock.");
        const auto addStoryRow = [this, &story](const QString &text) {
            auto *row = new QListWidgetItem(text, m_timeline);
            row->setData(ResponseRole, story);
        };
        addStoryRow(event.toText());
        // Which requests a refresh or login made and what came back (a refresh that failed at its
        // request says so here, beside the query it was for).
        for (const AuthEvent::Step &step : event.steps)
            addStoryRow(QStringLiteral("    ") +
                        VisibleText::of(step.toText(), VisibleText::LineBreaks::Symbol));
    }
    if (result.originalFailure && !failureShown)
        addFirstAttempt(result, request, masker);
    if (result.cancelled)
        m_timeline->addItem(tr("Cancelled."));
    else if (result.requestLine.isEmpty())
        m_timeline->addItem(tr("Not sent: %1").arg(masker.maskText(result.error)));
    else if (result.retried && result.loggedInAgain && result.succeeded)
        m_timeline->addItem(tr("%1 \u2192 %2 (retried after a new login, as the refresh failed)")
                                .arg(request, statusLine(result.response)));
    else if (result.retried && result.refreshed && result.succeeded)
        m_timeline->addItem(tr("%1 \u2192 %2 (retried with the refreshed session)")
                                .arg(request, statusLine(result.response)));
    else if (result.retried && result.succeeded)
        m_timeline->addItem(
            tr("%1 \u2192 %2 (retried with the renewed session)").arg(request, statusLine(result.response)));
    else if (result.response.status != 0)
        m_timeline->addItem(tr("%1 \u2192 %2%3")
                                .arg(request, statusLine(result.response),
                                     result.loginRequired ? tr(" (login required)") : QString()));
    else
        m_timeline->addItem(tr("%1 \u2192 %2").arg(request, masker.maskText(result.error)));
    // The last entry's reply is the one Response shows: selecting it after another row's shows it again.
    QListWidgetItem *last = m_timeline->item(m_timeline->count() - 1);
    if (last) {
        last->setData(ResponseRole, m_responseView->toPlainText());
        if (result.response.status != 0)
            last->setToolTip(tr("Select to see this reply under Response"));
    }
    // The entry whose reply Response shows is the one selected; the timeline taking focus then can't
    // select the first entry and swap the reply shown.
    m_timeline->setCurrentItem(last);
    showTimelineCount();
    // A query that waited for a refresh or a login has a story: show it rather than the request.
    m_exchangeTabs->setCurrentWidget(m_timeline->count() > 1 ? static_cast<QWidget *>(m_timeline)
                                                             : m_requestView);
}

void AuthLoginPreview::clearExchange()
{
    m_timeline->clear();
    showTimelineCount();
    m_requestView->clear();
    m_responseView->clear();
    // An empty timeline has nothing to tell: the Request tab, where the next query shows, comes back
    // (QA pass 32: the pane stayed on an empty Timeline after another resource was selected).
    m_exchangeTabs->setCurrentWidget(m_requestView);
}

void AuthLoginPreview::showTimelineCount()
{
    const int index = m_exchangeTabs->indexOf(m_timeline);
    m_exchangeTabs->setTabText(
        index, m_timeline->count() > 1 ? tr("Timeline (%1)").arg(m_timeline->count()) : tr("Timeline"));
}

void AuthLoginPreview::addFirstAttempt(const QueryResult &result, const QString &request,
                                       const SecretMasker &masker)
{
    const HttpResponse &first = *result.originalFailure;
    auto *item =
        new QListWidgetItem(tr("%1 \u2192 %2 (first attempt)").arg(request, statusLine(first)), m_timeline);
    QString text = statusLine(first) + tr(" \u00b7 the first attempt, which set off the refresh");
    const QString body = shownBody(first.parsedBody(), masker, MaxShownBodyChars);
    if (!body.isEmpty())
        text += QStringLiteral("\n\n") + body;
    item->setData(ResponseRole, text);
    item->setToolTip(tr("Select to see this reply under Response"));
}

void AuthLoginPreview::onSessionChanged()
{
    // A session that comes while a login was required is another process's login (the CLI, another
    // window), found when the store was read again: the status said "Login required" while the heading
    // said "Logged in" (QA pass 38). A login here says "Logged in." itself as it ends.
    if (std::exchange(m_loginRequired, false) && m_client->session())
        setAuthStatus(tr("Logged in elsewhere: using the session another login stored."));
    updateSessionView();
    Q_EMIT sessionStateChanged();
}

void AuthLoginPreview::onLoginRequired(const QString &reason)
{
    m_loginRequired = true;
    setAuthStatus(tr("Login required: %1. Click Auth Login.").arg(reason));
    updateSessionView();
    Q_EMIT sessionStateChanged();
}

void AuthLoginPreview::onLoginFinished(bool succeeded, const QString &message)
{
    const QString warning = std::exchange(m_pendingWarning, {});
    if (succeeded && !warning.isEmpty())
        setAuthStatus(tr("Logged in, but %1.").arg(warning));
    else if (succeeded)
        setAuthStatus(tr("Logged in."));
    else if (m_authRunCancelled && isLoggedIn()) {
        // The session from before stays; made for the server the resource pointed at before, it is kept
        // but not sent.
        const QString elsewhere = anotherServerReason();
        setAuthStatus(elsewhere.isEmpty() ? tr("Login cancelled: still logged in with the earlier session.")
                                          : tr("Login cancelled: login required, as %1.").arg(elsewhere));
    } else if (m_authRunCancelled) // the user closed the login form: nothing failed
        setAuthStatus(tr("Login cancelled: not logged in. Auth Login asks again."));
    else
        setAuthStatus(tr("Login failed: %1").arg(message));
    m_statusSaysLoggedIn = succeeded;
    updateSessionView();
    updateButtons();
}

void AuthLoginPreview::onRefreshFinished(bool succeeded, const QString &message)
{
    const QString warning = std::exchange(m_pendingWarning, {});
    if (succeeded && !warning.isEmpty())
        setAuthStatus(tr("Session refreshed, but %1.").arg(warning));
    else if (!succeeded && m_authRunCancelled)
        setAuthStatus(tr("Refresh cancelled: the session needs a new login. Click Auth Login."));
    else
        setAuthStatus(succeeded ? tr("Session refreshed.") : tr("Refresh failed: %1").arg(message));
    updateButtons();
}

void AuthLoginPreview::appendEvent(const AuthEvent &event)
{
    // The client masks event messages and console lines when it records them. A login's or refresh's
    // console lines follow it, indented, as the CLI's event log has them.
    m_eventLog->addItem(event.toText());
    // A warning (a lifetime that isn't a number: no time-based refresh) is said with the login or refresh
    // it came with: in the three-line events box alone it went unseen (QA pass 26).
    if (event.kind == AuthEvent::Kind::Warning)
        m_pendingWarning = event.message;
    for (const AuthEvent::Step &step : event.steps)
        m_eventLog->addItem(QStringLiteral("    ") +
                            VisibleText::of(step.toText(), VisibleText::LineBreaks::Symbol));
    for (const ConsoleLine &line : event.console)
        m_eventLog->addItem(QStringLiteral("    ") +
                            VisibleText::of(line.toText(), VisibleText::LineBreaks::Symbol));
    while (m_eventLog->count() > MaxEventLogLines)
        delete m_eventLog->takeItem(0);
    m_eventLog->scrollToBottom();
    updateButtons();
}

void AuthLoginPreview::clearEventLog()
{
    m_eventLog->clear();
    updateButtons();
}

void AuthLoginPreview::stashEventLog()
{
    // Not for a resource the workspace just lost (setResource() has followed the names already).
    if (m_resourceNames.contains(m_resourceName) && m_eventLog->count() > 0) {
        QStringList lines;
        lines.reserve(m_eventLog->count());
        for (int i = 0; i < m_eventLog->count(); ++i)
            lines.append(m_eventLog->item(i)->text());
        m_eventLogs.insert({profile(), m_resourceName}, lines);
    }
    m_eventLog->clear();
    updateButtons();
}

void AuthLoginPreview::followResourceNames(const Workspace &workspace)
{
    const QStringList names = workspace.resourceNames();
    // One name changed in place is a rename (typed, undone or redone, of the shown resource or another);
    // more changes at once (a resource added or moved) tell nothing of which is which.
    qsizetype renamed = -1;
    if (names.size() == m_resourceNames.size()) {
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (names.at(i) == m_resourceNames.at(i))
                continue;
            if (renamed >= 0) {
                renamed = -1;
                break;
            }
            renamed = i;
        }
    }
    // While the old name is still another resource's, or the new one already was, the events stay put:
    // they would be that other resource's.
    if (renamed >= 0 && !names.contains(m_resourceNames.at(renamed)) &&
        !m_resourceNames.contains(names.at(renamed))) {
        const QString &from = m_resourceNames.at(renamed);
        QHash<EventLogKey, QStringList> moved;
        for (auto log = m_eventLogs.begin(); log != m_eventLogs.end();) {
            if (log.key().second == from) {
                moved.insert({log.key().first, names.at(renamed)}, log.value());
                log = m_eventLogs.erase(log);
            } else {
                ++log;
            }
        }
        m_eventLogs.insert(moved);
        if (m_otherQueryInputs.contains(from))
            m_otherQueryInputs.insert(names.at(renamed), m_otherQueryInputs.take(from));
    }
    // A resource that left the workspace takes its events and inputs along; one of its name added later
    // starts afresh, as it has no session either.
    m_eventLogs.removeIf([&names](const QHash<EventLogKey, QStringList>::iterator &log) {
        return !names.contains(log.key().second);
    });
    m_otherQueryInputs.removeIf([&names](const QHash<QString, QueryInputs>::iterator &inputs) {
        return !names.contains(inputs.key());
    });
    m_resourceNames = names;
}

void AuthLoginPreview::takeEventLog()
{
    m_eventLog->clear();
    m_eventLog->addItems(m_eventLogs.take({profile(), m_resourceName}));
    m_eventLog->scrollToBottom();
    updateButtons();
}

std::optional<AuthSession> AuthLoginPreview::shownSession() const
{
    // The session store's cache is the one truth: the client saves every login and refresh there and
    // logout forgets it, so the display can't drift from what the next query will use.
    if (!m_client)
        return std::nullopt;
    return m_sessions->cached(m_client->sessionKey());
}

bool AuthLoginPreview::isLoggedIn() const
{
    const std::optional<AuthSession> session = shownSession();
    return session && session->isLoggedIn();
}

void AuthLoginPreview::updateSessionView()
{
    const std::optional<AuthSession> session = shownSession();
    const bool loggedIn = session && session->isLoggedIn();
    // A session made while the resource pointed at another server is kept for when it points back, but
    // nothing of it is sent now: the heading said "Logged in" after the base URL was edited, and the next
    // query asked for a login (QA pass 47).
    const QString elsewhere = anotherServerReason();
    if (!loggedIn)
        m_sessionState->setText(tr("Not logged in"));
    else
        m_sessionState->setText(m_loginRequired || !elsewhere.isEmpty() ? tr("Login required")
                                                                        : tr("Logged in"));
    m_sessionState->setToolTip(
        elsewhere.isEmpty()
            ? tr("Whether the previewing user has a session for this resource")
            : tr("Login required: %1. The stored session stays for when the resource points back there.")
                  .arg(elsewhere));
    if (!elsewhere.isEmpty() && m_authStatus->text().isEmpty())
        setAuthStatus(tr("Login required: %1. Click Auth Login.").arg(elsewhere));

    QStringList detail;
    if (m_client)
        detail.append(tr("Profile: %1").arg(profile()));
    if (loggedIn) {
        const QString format = QStringLiteral("HH:mm:ss");
        detail.append(tr("logged in at %1").arg(session->loggedInAt.toLocalTime().toString(format)));
        if (session->refreshedAt.isValid())
            detail.append(tr("refreshed at %1").arg(session->refreshedAt.toLocalTime().toString(format)));
    }
    m_sessionDetail->setText(detail.join(QStringLiteral(" \u00b7 ")));
    m_variables->setScope(loggedIn ? session->toScope() : Scope());

    if (loggedIn && (session->expiresAt.isValid() || loginTimeoutSeconds() > 0)) {
        if (!m_countdownTimer->isActive())
            m_countdownTimer->start();
    } else {
        m_countdownTimer->stop();
    }
    updateCountdown();
    updateButtons();
}

int AuthLoginPreview::loginTimeoutSeconds() const
{
    return m_client ? m_client->resource().customAuth.loginTimeoutSeconds : 0;
}

// Counts down to whichever comes first: the session's expiry (a refresh renews it) or the end of the login
// timeout (a new login is needed). Nothing while a login is required anyway.
void AuthLoginPreview::updateCountdown()
{
    const std::optional<AuthSession> session = shownSession();
    const QDateTime timesOut = session && session->isLoggedIn() && loginTimeoutSeconds() > 0
        ? session->loggedInAt.addSecs(loginTimeoutSeconds())
        : QDateTime();
    const bool expiryFirst =
        session && session->expiresAt.isValid() && (!timesOut.isValid() || session->expiresAt <= timesOut);
    if (!session || !session->isLoggedIn() || m_loginRequired || (!expiryFirst && !timesOut.isValid()) ||
        (m_client && !m_client->anotherServerReason(*session).isEmpty())) {
        m_expiryCountdown->hide();
        m_expiryCountdown->clear();
        return;
    }
    const QDateTime deadline = expiryFirst ? session->expiresAt : timesOut;
    const QString at = deadline.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    // Rounded up: the session isn't called expired while part of a second is left.
    const qint64 ms = m_clock->now().msecsTo(deadline);
    const QString remaining = formatRemaining((ms + 999) / 1000);
    // Past the deadline the heading says so: "Logged in" beside "expired" contradicted itself (QA pass 23).
    // The session is still stored, and the next query refreshes it or asks for a login: said in two words,
    // as a longer line widened the dock (QA pass 26), and in full in the tooltip.
    if (ms <= 0)
        m_sessionState->setText(expiryFirst ? tr("Session expired") : tr("Login timed out"));
    // "Logged in." under "Session expired" read as if both held (QA pass 47): the status says it ran out.
    // With no refresh workflow an expired session needs a new login, as the client does
    // (QueryClient::proceed).
    const bool refreshes = m_client && !m_client->resource().customAuth.refreshWorkflow.isEmpty();
    if (ms <= 0 && m_statusSaysLoggedIn) {
        setAuthStatus(
            !expiryFirst    ? tr("The login timed out at %1: the next query needs a new login.").arg(at)
                : refreshes ? tr("The session expired at %1: the next query refreshes it first.").arg(at)
                            : tr("The session expired at %1: the next query needs a new login.").arg(at));
    }
    if (expiryFirst) {
        m_expiryCountdown->setText(ms > 0          ? tr("expires in %1").arg(remaining)
                                       : refreshes ? tr("refresh due")
                                                   : tr("log in again"));
        QString tip;
        if (ms <= 0 && refreshes)
            tip =
                tr("The session expired at %1 (from the resource's lifetime rule); the next query refreshes "
                   "it first");
        else if (ms <= 0)
            tip =
                tr("The session expired at %1 (from the resource's lifetime rule); with no refresh workflow, "
                   "the next query needs a new login");
        else if (refreshes)
            tip = tr("The session expires at %1 (from the resource's lifetime rule); the first query shortly "
                     "before then refreshes it");
        else
            tip =
                tr("The session expires at %1 (from the resource's lifetime rule); with no refresh workflow, "
                   "a new login is needed then");
        m_expiryCountdown->setToolTip(tip.arg(at));
    } else {
        m_expiryCountdown->setText(ms <= 0 ? tr("log in again") : tr("login times out in %1").arg(remaining));
        m_expiryCountdown->setToolTip(
            tr("The login timeout ends the session at %1; the next query then needs "
               "a new login")
                .arg(at));
    }
    m_expiryCountdown->show();
}

void AuthLoginPreview::updateButtons()
{
    const bool customAuth = m_client && m_client->resource().authMethod == Resource::AuthMethod::Custom;
    m_loginButton->setEnabled(customAuth);
    // While a login or a refresh runs, the button stops it, and says which (QA pass 33: during a refresh
    // it read "Auth Login" and cancelled the refresh).
    const bool refreshing = m_client && m_client->isRefreshing();
    const bool loggingIn = m_client && m_client->isAuthenticating() && !refreshing;
    m_loginButton->setText(refreshing      ? tr("Cancel Refresh")
                               : loggingIn ? tr("Cancel Login")
                                           : tr("Auth Login"));
    m_loginButton->setAccessibleName(m_loginButton->text());
    const QString keys = m_loginAction->shortcut().toString(QKeySequence::NativeText);
    m_loginButton->setToolTip(refreshing      ? tr("Stop the refresh running now (%1)").arg(keys)
                                  : loggingIn ? tr("Stop the login running now (%1)").arg(keys)
                                              : m_loginAction->toolTip());
    m_logoutButton->setEnabled(customAuth && isLoggedIn());
    m_sendButton->setEnabled(m_client && !m_pending);
    m_cancelButton->setEnabled(!m_pending.isNull());
    m_path->setEnabled(m_client != nullptr);
    m_clearEventLogButton->setEnabled(m_eventLog->count() > 0);
}

void AuthLoginPreview::updateQueryInputTitles()
{
    const auto lines = [](const QPlainTextEdit *input) {
        const QStringList all = input->toPlainText().split(QLatin1Char('\n'));
        return std::count_if(all.cbegin(), all.cend(),
                             [](const QString &line) { return !line.trimmed().isEmpty(); });
    };
    const qsizetype headers = lines(m_queryHeaders);
    const qsizetype parameters = lines(m_queryParameters);
    m_queryInputs->setTabText(0, m_body->toPlainText().trimmed().isEmpty() ? tr("Body") : tr("Body *"));
    m_queryInputs->setTabText(1, headers ? tr("Headers (%1)").arg(headers) : tr("Headers"));
    m_queryInputs->setTabText(2, parameters ? tr("Params (%1)").arg(parameters) : tr("Params"));
}

void AuthLoginPreview::setAuthStatus(const QString &text)
{
    m_statusSaysSavedElsewhere = false;
    m_statusSaysLoggedIn = false;
    m_statusSaysEdited = false;
    m_precheckSaid = false;
    m_authStatus->setText(text);
    m_authStatus->setToolTip(text); // the label shows two lines of it
}

SecretMasker AuthLoginPreview::masker() const
{
    // The client's: every secret the session has held while it was open, as a response to a query sent
    // before a refresh may still carry the old token (see QueryClient::secrets()).
    return m_client ? SecretMasker(m_client->secrets()) : SecretMasker();
}

} // namespace AuthStudio
