#include "ResourceEditor.h"

#include "KeyValueTableEditor.h"
#include "KeyValueTableModel.h"
#include "WorkflowEditor.h"
#include "document/WorkspaceDocument.h"
#include "format/WorkspaceValidator.h"
#include "widgets/ExpressionLineEdit.h"
#include "widgets/NumberBox.h"
#include "widgets/TabOrder.h"
#include "widgets/VerticalScrollArea.h"
#include "widgets/WrappingLabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace AuthStudio {

namespace {

enum ExpiresMode { ExpiresAfterSeconds, ExpiresFromExpression };

constexpr int DefaultExpirySeconds = 3600;

bool isWholeNumber(const QString &text, int *value = nullptr)
{
    bool ok = false;
    const int number = text.trimmed().toInt(&ok);
    if (value)
        *value = number;
    return ok;
}

QString statusesText(const QList<int> &statuses)
{
    QStringList parts;
    for (int status : statuses)
        parts.append(QString::number(status));
    return parts.join(QStringLiteral(", "));
}

// The HTTP statuses in a comma-separated list; the entries that aren't one (100 to 599) go to `invalid`.
QList<int> parseStatuses(const QString &text, QStringList *invalid = nullptr)
{
    QList<int> statuses;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int status = part.trimmed().toInt(&ok);
        if (ok && status >= 100 && status <= 599)
            statuses.append(status);
        else if (invalid && !part.trimmed().isEmpty())
            invalid->append(part.trimmed());
    }
    return statuses;
}

void setTextIfDifferent(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

} // namespace

ResourceEditor::ResourceEditor(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_authWorkflowPage(new QWidget(this))
    , m_refreshWorkflowPage(new QWidget(this))
    , m_sessionPage(new QWidget(this))
{
    m_placeholder->setObjectName(QStringLiteral("noResourcePage"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(
        tr("Select a resource in the list, or add one with Resource \u25B8 Add Resource."));

    for (QWidget *page : {m_authWorkflowPage, m_refreshWorkflowPage, m_sessionPage}) {
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 0, 0, 0);
    }
    m_tabs->setObjectName(QStringLiteral("resourceTabs"));
    // The tab bar is what takes the focus: a screen reader says its name, not the tab widget's.
    m_tabs->setAccessibleName(tr("Resource sections"));
    m_tabs->tabBar()->setAccessibleName(m_tabs->accessibleName());
    m_tabs->addTab(new VerticalScrollArea(createGeneralTab(), this), tr("General"));
    m_tabs->addTab(m_authWorkflowPage, tr("Auth workflow"));
    m_tabs->addTab(m_refreshWorkflowPage, tr("Refresh workflow"));
    m_tabs->addTab(m_sessionPage, tr("Session"));
    m_tabs->setTabToolTip(AuthWorkflowTab,
                          tr("The steps that log in: they run when a query needs a session"));
    m_tabs->setTabToolTip(RefreshWorkflowTab,
                          tr("The steps that renew the session, e.g. with a refresh token"));
    m_tabs->setTabToolTip(SessionTab, tr("When sessions are tested, refreshed and time out"));

    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_tabs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == AuthWorkflowTab)
            workflowEditor(WorkflowKind::Auth);
        else if (tab == RefreshWorkflowTab)
            workflowEditor(WorkflowKind::Refresh);
        else if (tab == SessionTab)
            ensureSessionTab();
        Q_EMIT shownTabChanged();
    });
    // A shortcut rather than QTabWidget's own key handling, which only sees the keys fields pass on: a
    // drop-down kept Ctrl+Tab for itself, and the focus stayed on the page being hidden.
    auto *nextTab = new QShortcut(QKeySequence::NextChild, this, this, [this] { switchTab(1); });
    auto *previousTab = new QShortcut(QKeySequence::PreviousChild, this, this, [this] { switchTab(-1); });
    for (QShortcut *shortcut : {nextTab, previousTab})
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_document, &WorkspaceDocument::changed, this, &ResourceEditor::onDocumentChanged);
    refresh();
}

QWidget *ResourceEditor::createGeneralTab()
{
    auto *page = new QWidget(this);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("resourceName"));
    m_name->setAccessibleName(tr("Resource name"));
    m_name->setToolTip(tr("How queries and the CLI (--resource) refer to this resource"));
    m_nameProblem = new QLabel(page);
    m_nameProblem->setObjectName(QStringLiteral("resourceNameProblem"));
    m_nameProblem->setWordWrap(true);
    WrappingLabel::keepNarrow(m_nameProblem);
    m_nameProblem->hide();

    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("resourceKind"));
    m_kind->setAccessibleName(tr("Resource kind"));
    m_kind->addItems({tr("REST API"), tr("GraphQL (coming later)"), tr("OpenAPI (coming later)"),
                      tr("gRPC (coming later)")});
    // Listed so people see where the studio is going, but not selectable yet.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_kind->model())) {
        for (int i = 1; i < items->rowCount(); ++i)
            items->item(i)->setEnabled(false);
    }

    m_baseUrl = new ExpressionLineEdit(page);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setAccessibleName(tr("Base URL"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com or {{ DEMO_API }}"));
    m_baseUrl->setToolTip(tr("Queries' paths are appended to this URL; may use {{ expressions }}"));
    m_baseUrl->setTextCheck(&WorkspaceValidator::urlProblem);

    m_authMethod = new QComboBox(page);
    m_authMethod->setObjectName(QStringLiteral("authMethod"));
    m_authMethod->setAccessibleName(tr("Authentication method"));
    m_authMethod->addItems({tr("None"), tr("Custom auth")});
    m_authHint = new QLabel(page);
    m_authHint->setWordWrap(true);

    m_headers = new KeyValueTableEditor(m_document, page);
    m_headers->setObjectName(QStringLiteral("resourceHeaders"));
    m_headers->setRowNoun(tr("header"));
    m_urlParameters = new KeyValueTableEditor(m_document, page);
    m_urlParameters->setObjectName(QStringLiteral("urlParameters"));
    m_urlParameters->setRowNoun(tr("URL parameter"));
    // Both tables and their Add buttons in sight at once, even with the Test panel open at 1280x800.
    m_headers->sizeToRows();
    m_urlParameters->sizeToRows();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Kind"), m_kind);
    m_kindNote = new QLabel(page);
    m_kindNote->setObjectName(QStringLiteral("kindNote"));
    m_kindNote->setWordWrap(true);
    m_kindNote->hide();
    form->addRow(QString(), m_kindNote);
    form->addRow(tr("&Base URL"), m_baseUrl);
    form->addRow(tr("&Authentication"), m_authMethod);
    form->addRow(QString(), m_authHint);
    auto *headersBox = new QGroupBox(tr("Headers sent with every query"), page);
    auto *headersLayout = new QVBoxLayout(headersBox);
    headersLayout->addWidget(m_headers);
    auto *parametersBox = new QGroupBox(tr("URL parameters added to every query"), page);
    auto *parametersLayout = new QVBoxLayout(parametersBox);
    parametersLayout->addWidget(m_urlParameters);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(headersBox);
    layout->addWidget(parametersBox);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        editResource(tr("Rename resource"), QStringLiteral("name"),
                     [&name](Resource &r) { r.name = name.trimmed(); });
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int kind) {
        editResource(tr("Change resource kind"), {}, [kind](Resource &r) { r.kind = Resource::Kind(kind); });
    });
    connect(m_baseUrl, &QLineEdit::textEdited, this, [this](const QString &url) {
        editResource(tr("Edit base URL"), QStringLiteral("baseUrl"),
                     [&url](Resource &r) { r.baseUrl = url; });
    });
    connect(m_authMethod, &QComboBox::currentIndexChanged, this, [this](int method) {
        editResource(tr("Change authentication method"), {},
                     [method](Resource &r) { r.authMethod = Resource::AuthMethod(method); });
    });
    return page;
}

void ResourceEditor::ensureSessionTab()
{
    if (m_loginTestEnabled)
        return;
    auto *scroll = new VerticalScrollArea(createSessionTab(), m_sessionPage);
    m_sessionPage->layout()->addWidget(scroll);
    scroll->show(); // a child added to a page already on screen is not shown with it
    TabOrder::placeAfter(m_tabs->tabBar(), scroll); // not after every dock, where Qt puts what is new
    refresh();
}

QWidget *ResourceEditor::createSessionTab()
{
    auto *page = new QWidget(this);
    // When it runs: before a stored session is used (the app opening, a resource shown again), not
    // after a login, which has just shown that the session works.
    m_loginTestEnabled = new QCheckBox(tr("Check a stored session with a request before using it"), page);
    m_loginTestEnabled->setObjectName(QStringLiteral("loginTestEnabled"));
    m_loginTestEnabled->setToolTip(tr("Before the first query with a session kept from earlier, request the "
                                      "login test URL: logged in if it answers 2xx, else the login is "
                                      "asked for again (or runs, without prompting)"));
    m_loginTestUrl = new ExpressionLineEdit(page);
    m_loginTestUrl->setObjectName(QStringLiteral("loginTestUrl"));
    m_loginTestUrl->setAccessibleName(tr("Login test URL"));
    m_loginTestUrl->setPlaceholderText(QStringLiteral("{{ DEMO_API }}/login-test"));
    m_loginTestUrl->setToolTip(
        tr("A 2xx reply means the session works; anything else shows the login again"));
    m_runWithoutPrompt = new QCheckBox(tr("Run the auth workflow without prompting the user"), page);
    m_runWithoutPrompt->setObjectName(QStringLiteral("runWithoutPrompt"));
    m_runWithoutPrompt->setToolTip(
        tr("For workflows that need no input (no Form step), e.g. a client-credentials "
           "grant: sessions start without the login window"));

    m_refreshTrigger = new QComboBox(page);
    m_refreshTrigger->setObjectName(QStringLiteral("refreshTrigger"));
    m_refreshTrigger->setAccessibleName(tr("Refresh trigger"));
    m_refreshTrigger->addItems({tr("None"), tr("Time-based"), tr("Every query run")});
    m_expiresMode = new QComboBox(page);
    m_expiresMode->setObjectName(QStringLiteral("expiresMode"));
    m_expiresMode->setAccessibleName(tr("Session lifetime source"));
    m_expiresMode->addItems({tr("After a number of seconds"), tr("From an expression")});
    m_expiresSeconds = new NumberBox(page);
    m_expiresSeconds->setObjectName(QStringLiteral("expiresSeconds"));
    m_expiresSeconds->setAccessibleName(tr("Session lifetime in seconds"));
    m_expiresSeconds->setRange(1, 365 * 24 * 3600);
    m_expiresSeconds->setSuffix(tr(" s"));
    m_expiresSeconds->setValue(DefaultExpirySeconds);
    m_expiresExpression = new ExpressionLineEdit(page);
    m_expiresExpression->setObjectName(QStringLiteral("expiresExpression"));
    m_expiresExpression->setAccessibleName(tr("Session lifetime expression"));
    // "e.g.": a hint alone read like a value filled in (QA pass 38).
    m_expiresExpression->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("{{ EXPIRES_IN }}")));
    m_expiresExpression->setToolTip(tr("Seconds the session lives, usually from the login reply"));
    m_refreshStatuses = new QLineEdit(page);
    m_refreshStatuses->setObjectName(QStringLiteral("refreshOnStatuses"));
    m_refreshStatuses->setAccessibleName(tr("Refresh on statuses"));
    m_refreshStatuses->setPlaceholderText(tr("any non-2xx status, or e.g. 401, 403"));
    m_refreshStatuses->setToolTip(
        tr("Which failed queries run the refresh workflow (whatever the trigger above); empty means any "
           "non-2xx status"));
    m_refreshBodyPattern = new QLineEdit(page);
    m_refreshBodyPattern->setObjectName(QStringLiteral("refreshOnBodyPattern"));
    m_refreshBodyPattern->setAccessibleName(tr("Refresh on body pattern"));
    m_refreshBodyPattern->setPlaceholderText(tr("any body, or a regular expression, e.g. token.*expired"));
    m_refreshBodyPattern->setToolTip(
        tr("A regular expression searched for in a failed query's body: only matching failures run the "
           "refresh workflow. With statuses too, both must match; empty means any body"));
    m_refreshStatusesProblem = new QLabel(page);
    m_refreshStatusesProblem->setObjectName(QStringLiteral("refreshOnStatusesProblem"));
    m_refreshStatusesProblem->setWordWrap(true);
    m_refreshStatusesProblem->hide();
    m_refreshBodyPatternProblem = new QLabel(page);
    m_refreshBodyPatternProblem->setObjectName(QStringLiteral("refreshOnBodyPatternProblem"));
    m_refreshBodyPatternProblem->setWordWrap(true);
    m_refreshBodyPatternProblem->hide();
    m_expiresProblem = new QLabel(page);
    m_expiresProblem->setObjectName(QStringLiteral("expiresProblem"));
    m_expiresProblem->setWordWrap(true);
    m_expiresProblem->hide();

    m_loginTimeout = new NumberBox(page);
    m_loginTimeout->setObjectName(QStringLiteral("loginTimeout"));
    m_loginTimeout->setAccessibleName(tr("Login timeout"));
    m_loginTimeout->setRange(0, 30 * 24 * 3600);
    m_loginTimeout->setSuffix(tr(" s"));
    m_loginTimeout->setSpecialValueText(tr("Never"));
    m_loginTimeout->setToolTip(
        tr("Sessions end after this long and the user logs in again; Never keeps them"));

    auto *loginBox = new QGroupBox(tr("Login"), page);
    auto *loginForm = new QFormLayout(loginBox);
    loginForm->addRow(m_loginTestEnabled);
    loginForm->addRow(tr("Test &URL"), m_loginTestUrl);
    loginForm->addRow(m_runWithoutPrompt);
    loginForm->addRow(tr("Login &timeout"), m_loginTimeout);
    auto *refreshBox = new QGroupBox(tr("Refresh"), page);
    auto *refreshForm = new QFormLayout(refreshBox);
    refreshForm->addRow(tr("&Trigger"), m_refreshTrigger);
    refreshForm->addRow(tr("Session &lifetime"), m_expiresMode);
    refreshForm->addRow(tr("Seconds"), m_expiresSeconds);
    refreshForm->addRow(tr("Expression"), m_expiresExpression);
    refreshForm->addRow(QString(), m_expiresProblem);
    refreshForm->addRow(tr("Refresh on &status"), m_refreshStatuses);
    refreshForm->addRow(QString(), m_refreshStatusesProblem);
    refreshForm->addRow(tr("Refresh on &body"), m_refreshBodyPattern);
    refreshForm->addRow(QString(), m_refreshBodyPatternProblem);
    // One label column for both boxes, so their fields line up.
    QList<QWidget *> labels;
    for (const QFormLayout *form : {loginForm, refreshForm}) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (const QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole))
                labels.append(label->widget());
        }
    }
    int labelWidth = 0;
    for (const QWidget *label : std::as_const(labels))
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(labelWidth);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(loginBox);
    layout->addWidget(refreshBox);
    layout->addStretch();
    // Tab follows the page top to bottom: the timeout, built last, would otherwise come after the Refresh
    // box.
    QWidget::setTabOrder(m_runWithoutPrompt, m_loginTimeout);

    connect(m_loginTestEnabled, &QCheckBox::toggled, this, [this](bool on) {
        editResource(on ? tr("Enable login test") : tr("Disable login test"), {},
                     [on](Resource &r) { r.customAuth.loginTestEnabled = on; });
    });
    connect(m_loginTestUrl, &QLineEdit::textEdited, this, [this](const QString &url) {
        editResource(tr("Edit login test URL"), QStringLiteral("loginTestUrl"),
                     [&url](Resource &r) { r.customAuth.loginTestUrl = url; });
    });
    connect(m_runWithoutPrompt, &QCheckBox::toggled, this, [this](bool on) {
        editResource(tr("Change run without prompting"), {},
                     [on](Resource &r) { r.customAuth.runWithoutPrompt = on; });
    });
    connect(m_refreshTrigger, &QComboBox::currentIndexChanged, this, [this](int trigger) {
        editResource(tr("Change refresh trigger"), {}, [trigger](Resource &r) {
            r.customAuth.refreshTrigger = CustomAuth::RefreshTrigger(trigger);
            // A time-based trigger needs a lifetime: start from an hour rather than nothing.
            if (r.customAuth.refreshTrigger == CustomAuth::RefreshTrigger::TimeBased &&
                r.customAuth.expiresIn.isEmpty())
                r.customAuth.expiresIn = QString::number(DefaultExpirySeconds);
        });
    });
    connect(m_expiresMode, &QComboBox::currentIndexChanged, this, &ResourceEditor::onExpiresModeChanged);
    connect(m_expiresSeconds, &QSpinBox::valueChanged, this, [this](int seconds) {
        editResource(tr("Change session lifetime"), QStringLiteral("expiresIn"),
                     [seconds](Resource &r) { r.customAuth.expiresIn = QString::number(seconds); });
    });
    connect(m_expiresExpression, &QLineEdit::textEdited, this, [this](const QString &expression) {
        // Typed here, "3600" stays an expression being typed: the mode follows the text only when it comes
        // from elsewhere (another resource, undo), or its first digit switched the field off mid-word.
        const QScopedValueRollback typing(m_typingLifetime, true);
        editResource(tr("Edit session lifetime"), QStringLiteral("expiresIn"),
                     [&expression](Resource &r) { r.customAuth.expiresIn = expression; });
        updateLifetimeProblem();
    });
    // A list with an entry that is no status isn't applied: dropping the entry would change what the
    // refresh reacts to (all of them dropped, to any non-2xx status) without a word. The problem line says
    // so, and the resource keeps its last valid list until the entry is fixed.
    connect(m_refreshStatuses, &QLineEdit::textEdited, this, [this](const QString &text) {
        QStringList invalid;
        const QList<int> statuses = parseStatuses(text, &invalid);
        if (invalid.isEmpty()) {
            editResource(tr("Edit refresh statuses"), QStringLiteral("refreshOnStatuses"),
                         [&statuses](Resource &r) { r.customAuth.refreshOnStatuses = statuses; });
        }
        updateStatusesProblem();
    });
    // The pattern is kept as typed, even while it is not a valid expression yet: the problem line says so,
    // and the query client treats an invalid pattern as matching nothing.
    connect(m_refreshBodyPattern, &QLineEdit::textEdited, this, [this](const QString &pattern) {
        editResource(tr("Edit refresh body pattern"), QStringLiteral("refreshOnBodyPattern"),
                     [&pattern](Resource &r) { r.customAuth.refreshOnBodyPattern = pattern; });
        updateBodyPatternProblem();
    });
    connect(m_loginTimeout, &QSpinBox::valueChanged, this, [this](int seconds) {
        editResource(tr("Change login timeout"), QStringLiteral("loginTimeout"),
                     [seconds](Resource &r) { r.customAuth.loginTimeoutSeconds = seconds; });
    });
    return page;
}

template<typename F>
void ResourceEditor::editResource(const QString &text, const QString &mergeKey, F &&change)
{
    if (m_updating || m_index < 0)
        return;
    Resource resource = m_document->resource(m_index);
    change(resource);
    m_document->setResource(m_index, resource, text, mergeKey);
}

void ResourceEditor::onExpiresModeChanged(int mode)
{
    if (m_updating)
        return;
    m_expiresSeconds->setEnabled(mode == ExpiresAfterSeconds);
    m_expiresExpression->setEnabled(mode == ExpiresFromExpression);
    editResource(tr("Change session lifetime source"), {}, [this, mode](Resource &r) {
        // Seconds mode stores the number; expression mode starts empty for the user to fill in.
        r.customAuth.expiresIn =
            mode == ExpiresAfterSeconds ? QString::number(m_expiresSeconds->value()) : QString();
    });
    if (mode == ExpiresFromExpression)
        m_expiresExpression->setFocus(Qt::OtherFocusReason);
}

void ResourceEditor::updateStatusesProblem()
{
    QStringList invalid;
    parseStatuses(m_refreshStatuses->text(), &invalid);
    QString problem;
    if (!invalid.isEmpty() && m_index >= 0) {
        const QList<int> &kept = m_document->resource(m_index).customAuth.refreshOnStatuses;
        problem = tr("Not an HTTP status (100 to 599): %1. Until that is fixed the resource keeps %2.")
                      .arg(invalid.join(QStringLiteral(", ")),
                           kept.isEmpty() ? tr("refreshing on any non-2xx status") : statusesText(kept));
    }
    m_refreshStatusesProblem->setText(problem);
    m_refreshStatusesProblem->setVisible(!problem.isEmpty());
}

void ResourceEditor::updateBodyPatternProblem()
{
    const QRegularExpression pattern(m_refreshBodyPattern->text());
    const QString problem = pattern.isValid()
        ? QString()
        : tr("Not a valid regular expression: %1 (at character %2); no body matches it.")
              .arg(pattern.errorString())
              .arg(pattern.patternErrorOffset() + 1);
    m_refreshBodyPatternProblem->setText(problem);
    m_refreshBodyPatternProblem->setVisible(!problem.isEmpty());
}

void ResourceEditor::updateLifetimeProblem()
{
    // Seconds typed as an expression ("abc", "0") are refused by Save: said where they are typed.
    QString problem;
    if (m_index >= 0) {
        const CustomAuth &auth = m_document->resource(m_index).customAuth;
        problem = WorkspaceValidator::lifetimeProblem(auth);
        if (!problem.isEmpty())
            problem = tr("%1. Save refuses it as it is.").arg(problem.at(0).toUpper() + problem.mid(1));
        // None at all is allowed, but time-based refresh is then off: said, as the empty field's hint
        // read like a value (QA pass 38).
        if (const QString missing = WorkspaceValidator::lifetimeMissing(auth);
            problem.isEmpty() && !missing.isEmpty())
            problem = tr("%1.").arg(missing.at(0).toUpper() + missing.mid(1));
    }
    m_expiresProblem->setText(problem);
    m_expiresProblem->setVisible(!problem.isEmpty());
}

void ResourceEditor::setResource(int index)
{
    if (index < 0 || index >= m_document->resourceCount())
        index = -1;
    const bool changed = index != m_index;
    m_index = index;
    m_boundSerial = m_document->changeSerial();
    for (WorkflowEditor *editor : {m_authWorkflow, m_refreshWorkflow}) {
        if (editor)
            editor->setResource(index);
    }
    if (index >= 0) {
        m_headers->setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, index));
        m_urlParameters->setTable(
            KeyValueRef::resourceTable(KeyValueRef::Table::ResourceUrlParameters, index));
    } else {
        m_headers->setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, -1));
        m_urlParameters->setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceUrlParameters, -1));
    }
    if (changed && m_refreshStatuses)
        m_refreshStatuses->clear(); // text left unfixed belonged to the resource shown before
    refresh();
    if (changed)
        Q_EMIT resourceChanged(m_index);
}

WorkflowEditor *ResourceEditor::workflowEditor(WorkflowKind workflow)
{
    const bool auth = workflow == WorkflowKind::Auth;
    WorkflowEditor *&editor = auth ? m_authWorkflow : m_refreshWorkflow;
    if (!editor) {
        QWidget *page = auth ? m_authWorkflowPage : m_refreshWorkflowPage;
        editor = new WorkflowEditor(m_document, workflow, page);
        editor->setObjectName(auth ? QStringLiteral("authWorkflowEditor")
                                   : QStringLiteral("refreshWorkflowEditor"));
        page->layout()->addWidget(editor);
        editor->setResource(m_index);
        editor->show(); // a child added to a page already on screen is not shown with it
        TabOrder::placeAfter(m_tabs->tabBar(), editor); // not after every dock, where Qt puts what is new
    }
    return editor;
}

WorkflowEditor *ResourceEditor::shownWorkflowEditor() const
{
    if (m_index < 0 || !m_tabs->isTabEnabled(m_tabs->currentIndex()))
        return nullptr;
    if (m_tabs->currentIndex() == AuthWorkflowTab)
        return m_authWorkflow;
    return m_tabs->currentIndex() == RefreshWorkflowTab ? m_refreshWorkflow : nullptr;
}

void ResourceEditor::switchTab(int delta)
{
    QTabWidget *tabs = m_tabs;
    for (QWidget *up = QApplication::focusWidget(); up && up != this; up = up->parentWidget()) {
        if (auto *inner = qobject_cast<QTabWidget *>(up)) {
            tabs = inner;
            break;
        }
    }
    if (!tabs->isVisible())
        return;
    const int count = tabs->count();
    int tab = tabs->currentIndex();
    for (int tried = 1; tried < count; ++tried) {
        const int candidate = (tabs->currentIndex() + tried * delta + count * count) % count;
        if (tabs->isTabEnabled(candidate) && tabs->isTabVisible(candidate)) {
            tab = candidate;
            break;
        }
    }
    tabs->setCurrentIndex(tab);
    QWidget *first = TabOrder::firstIn(tabs->currentWidget());
    (first ? first : tabs->tabBar())->setFocus(Qt::TabFocusReason);
}

void ResourceEditor::focusName()
{
    m_tabs->setCurrentIndex(GeneralTab);
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void ResourceEditor::showStep(WorkflowKind workflow, int step, const QString &field)
{
    if (m_index < 0)
        return;
    m_tabs->setCurrentIndex(workflow == WorkflowKind::Auth ? AuthWorkflowTab : RefreshWorkflowTab);
    workflowEditor(workflow)->focusStepField(step, field);
}

void ResourceEditor::showStepInList(WorkflowKind workflow, int step)
{
    if (m_index < 0)
        return;
    m_tabs->setCurrentIndex(workflow == WorkflowKind::Auth ? AuthWorkflowTab : RefreshWorkflowTab);
    workflowEditor(workflow)->focusStepInList(step);
}

void ResourceEditor::onDocumentChanged(const DocumentChange &change)
{
    if (m_index < 0 || change.serial <= m_boundSerial)
        return;
    const int mapped = change.mapResource(m_index);
    if (mapped != m_index) {
        // Moved or gone: the tables and workflows follow on their own; the index is ours to update.
        m_index = mapped;
        refresh();
        Q_EMIT resourceChanged(m_index);
        return;
    }
    if (change.affectsResource(m_index) || change.kind == DocumentChange::Kind::WorkspaceChanged)
        refresh();
    else if (change.kind == DocumentChange::Kind::ResourceChanged ||
             change.kind == DocumentChange::Kind::ResourceAdded ||
             change.kind == DocumentChange::Kind::ResourceRemoved)
        updateNameProblem(); // another resource's name may have taken this one's, or given it back
}

void ResourceEditor::updateNameProblem()
{
    const Resource &resource = m_document->resource(m_index);
    QString nameProblem;
    if (resource.name.trimmed().isEmpty())
        nameProblem = tr("A resource needs a name.");
    else if (m_document->workspace().resourcesNamed(resource.name) > 1)
        nameProblem = tr("Another resource is named \"%1\".").arg(resource.name);
    m_nameProblem->setText(nameProblem);
    m_nameProblem->setVisible(!nameProblem.isEmpty());
}

void ResourceEditor::refresh()
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    m_pages->setCurrentWidget(m_index < 0 ? static_cast<QWidget *>(m_placeholder) : m_tabs);
    if (m_index < 0)
        return;
    const Resource &resource = m_document->resource(m_index);
    setTextIfDifferent(m_name, resource.name);
    updateNameProblem();
    m_kind->setCurrentIndex(int(resource.kind));
    // A file may name a kind the list offers only as "coming later": say what runs instead.
    QString kindNote = WorkspaceValidator::kindNotRunYet(resource);
    if (!kindNote.isEmpty())
        kindNote = tr("\u26A0 %1%2.").arg(kindNote.front().toUpper(), kindNote.mid(1));
    m_kindNote->setText(kindNote);
    m_kindNote->setVisible(!kindNote.isEmpty());
    setTextIfDifferent(m_baseUrl, resource.baseUrl);
    m_authMethod->setCurrentIndex(int(resource.authMethod));

    const bool custom = resource.authMethod == Resource::AuthMethod::Custom;
    m_authHint->setText(
        custom ? tr("Configure the login in the Auth workflow tab; headers can then use the "
                    "variables it defines, e.g. Authorization: Bearer {{ TOKEN }}.")
               : tr("Queries are sent as they are. Choose Custom auth to log in with a workflow."));
    for (int tab : {AuthWorkflowTab, RefreshWorkflowTab, SessionTab})
        m_tabs->setTabEnabled(tab, custom);

    if (m_loginTestEnabled) { // the Session tab has been built
        const CustomAuth &auth = resource.customAuth;
        m_loginTestEnabled->setChecked(auth.loginTestEnabled);
        setTextIfDifferent(m_loginTestUrl, auth.loginTestUrl);
        m_loginTestUrl->setEnabled(auth.loginTestEnabled);
        m_runWithoutPrompt->setChecked(auth.runWithoutPrompt);
        m_refreshTrigger->setCurrentIndex(int(auth.refreshTrigger));
        const bool timeBased = auth.refreshTrigger == CustomAuth::RefreshTrigger::TimeBased;
        int seconds = DefaultExpirySeconds;
        // An empty lifetime keeps whichever mode the user picked last.
        if (!auth.expiresIn.trimmed().isEmpty() && !m_typingLifetime)
            m_expiresMode->setCurrentIndex(isWholeNumber(auth.expiresIn, &seconds) ? ExpiresAfterSeconds
                                                                                   : ExpiresFromExpression);
        const bool secondsMode = m_expiresMode->currentIndex() == ExpiresAfterSeconds;
        if (secondsMode && isWholeNumber(auth.expiresIn, &seconds))
            m_expiresSeconds->setValue(seconds);
        if (!secondsMode)
            setTextIfDifferent(m_expiresExpression, auth.expiresIn);
        m_expiresMode->setEnabled(timeBased);
        m_expiresSeconds->setEnabled(timeBased && secondsMode);
        m_expiresExpression->setEnabled(timeBased && !secondsMode);
        // Text with an entry that is no status stays as typed, with its problem line, until it is fixed.
        if (parseStatuses(m_refreshStatuses->text()) != auth.refreshOnStatuses)
            m_refreshStatuses->setText(statusesText(auth.refreshOnStatuses));
        updateStatusesProblem();
        setTextIfDifferent(m_refreshBodyPattern, auth.refreshOnBodyPattern);
        updateBodyPatternProblem();
        updateLifetimeProblem();
        m_loginTimeout->setValue(auth.loginTimeoutSeconds);
    }
    updateKnownNames();
}

void ResourceEditor::updateKnownNames()
{
    const KnownNames names = m_document->namesKnownToResource(m_index);
    m_baseUrl->setKnownNames(names);
    if (m_loginTestUrl) {
        m_loginTestUrl->setKnownNames(names);
        m_expiresExpression->setKnownNames(names);
    }
    m_headers->setKnownNames(names);
    m_urlParameters->setKnownNames(names);
}

} // namespace AuthStudio
