#include "WorkflowRunPanel.h"

#include "BackgroundRelease.h"
#include "ConsoleView.h"
#include "DialogPrompter.h"
#include "RunLogModel.h"
#include "ScopeInspector.h"
#include "ScopeModel.h"
#include "run/WorkflowRunner.h"
#include "script/SecretMasker.h"
#include "widgets/CurrentRowHighlight.h"
#include "widgets/ElidedLabel.h"
#include "widgets/StudioColors.h"
#include "widgets/TabOrder.h"
#include "widgets/WrappingLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace AuthStudio {

namespace {

// A server can answer a failed login with a whole HTML page; the banner shows the start of it.
constexpr qsizetype MaxNotificationLength = 2000;

QString formatMs(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 0);
}

} // namespace

WorkflowRunPanel::WorkflowRunPanel(QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent)
    , m_runner(new WorkflowRunner(network, this))
    , m_dialogPrompter(new DialogPrompter(this))
    , m_log(new RunLogModel(this))
    , m_titleLabel(new ElidedLabel(this))
    , m_status(new ElidedLabel(this))
    , m_staleNote(new QLabel(tr("(edited since)"), this))
    , m_notification(new QLabel(this))
    , m_testButton(new QPushButton(tr("Test"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_logView(new QTableView(this))
    , m_inspector(new ScopeInspector(this))
{
    m_titleLabel->setObjectName(QStringLiteral("runTitle"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    // Elided, not stretching the panel: with "(edited since)" beside a long status the Test dock grew over
    // the preview's dock at 1280x800 (QA pass 26). Its text() stays whole, for screen readers.
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Run status"));
    m_staleNote->setObjectName(QStringLiteral("runStale"));
    m_staleNote->setToolTip(tr("The workflow was edited after this run: the log shows what ran then"));
    m_staleNote->setAccessibleName(tr("Workflow edited since the run"));
    m_staleNote->setEnabled(false); // the palette's dimmed text: a remark, not a warning
    m_staleNote->hide();

    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAccessibleName(tr("Test workflow"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    // Esc is the main window's Cancel Test, which clicks this.
    m_cancelButton->setToolTip(tr("Stop the run: aborts the request in flight or closes the form (Esc)"));
    m_cancelButton->setAccessibleName(tr("Cancel run"));

    // Server text is shown as plain text: an HTML error page must not render (or fetch images).
    m_notification->setObjectName(QStringLiteral("notification"));
    m_notification->setTextFormat(Qt::PlainText);
    m_notification->setWordWrap(true);
    WrappingLabel::keepNarrow(m_notification); // a reply's compact JSON may be one long word
    m_notification->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_notification->setAccessibleName(tr("Run notification"));
    m_notification->setMargin(6);
    m_notification->setAutoFillBackground(true);
    m_notification->hide();

    m_logView->setObjectName(QStringLiteral("runLog"));
    m_logView->setModel(m_log);
    m_logView->setAccessibleName(tr("Run log"));
    m_logView->setToolTip(tr("One row per step; select a row to inspect the scope after it"));
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setSelectionMode(QAbstractItemView::SingleSelection);
    CurrentRowHighlight::keep(m_logView);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setWordWrap(false);
    m_logView->setAlternatingRowColors(true);
    m_logView->verticalHeader()->hide();
    // One line per step, as in a log: a four-step run fits without scrolling.
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 8);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_logView->setColumnWidth(RunLogModel::StepColumn, 110);
    m_logView->setColumnWidth(RunLogModel::TypeColumn, 110);
    m_logView->setColumnWidth(RunLogModel::StatusColumn, 110);
    m_logView->setColumnWidth(RunLogModel::TimeColumn, 80);
    m_logView->setColumnWidth(RunLogModel::HttpColumn, 60);
    // Read-only rows: Tab goes on to the console and the scope rather than from cell to cell (the arrow
    // keys move between rows).
    m_logView->setTabKeyNavigation(false);

    m_inspector->setObjectName(QStringLiteral("scopeInspector"));

    // The status has the width it needs first, and the title what is left: the title names what the
    // dock shows anyway, the status is the run's outcome (QA pass 47: split half and half, the status
    // was cut beside a title with room to spare). Neither asks the panel for more: a long status is
    // cut rather than widening the dock (QA pass 26), and a spacer between them would take all the
    // room, as an elided label asks for none of its own (QA pass 44: both showed nothing).
    auto *toolbar = new QHBoxLayout;
    m_titleLabel->setMinimumWidth(
        m_titleLabel->fontMetrics().horizontalAdvance(QStringLiteral("Auth wo\u2026")));
    toolbar->addWidget(m_titleLabel, 1);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter); // next to the buttons, as before
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    toolbar->addWidget(m_status);
    toolbar->addWidget(m_staleNote);
    toolbar->addWidget(m_testButton);
    toolbar->addWidget(m_cancelButton);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("runSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_logView);
    splitter->addWidget(m_inspector);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    m_splitter = splitter;

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_notification);
    layout->addWidget(splitter, 1);

    connect(m_testButton, &QPushButton::clicked, this, [this] {
        if (m_startCheck)
            m_startCheck([this] { start(); });
        else
            start();
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &WorkflowRunPanel::cancel);
    connect(m_runner, &WorkflowRunner::stepStarted, this, &WorkflowRunPanel::onStepStarted);
    connect(m_runner, &WorkflowRunner::stepFinished, this, &WorkflowRunPanel::onStepFinished);
    connect(m_runner, &WorkflowRunner::finished, this, &WorkflowRunPanel::onFinished);
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selectingProgrammatically && m_runner->isRunning())
                    m_followLastStep = false; // the user is looking at a row: stop jumping away from it
                showScopeOfRow(current.isValid() ? current.row() : -1);
                if (m_console)
                    m_console->markStep(current.isValid() ? m_log->stepResult(current.row()).index : -1);
            });
    connect(m_logView, &QTableView::activated, this, &WorkflowRunPanel::onRowActivated);

    updateControls();
}

WorkflowRunPanel::~WorkflowRunPanel() = default;

void WorkflowRunPanel::setWorkflow(const Workflow &workflow, const Scope &initialScope, const QString &title)
{
    m_workflow = workflow;
    m_initialScope = initialScope;
    m_title = title;
    m_titleLabel->setText(title);
    m_titleLabel->setToolTip(title); // one line of it shows, cut to the panel's width
    m_dialogPrompter->setTitle(title);
    if (!isRunning() && m_log->rowCount() == 0)
        m_inspector->setScope(initialScope); // before any run, show what the workflow starts from
    updateControls();
}

void WorkflowRunPanel::setPrompter(FormPrompter *prompter)
{
    m_prompter = prompter;
}

FormPrompter *WorkflowRunPanel::prompter() const
{
    return m_prompter ? static_cast<FormPrompter *>(m_prompter) : m_dialogPrompter;
}

ScopeModel *WorkflowRunPanel::scopeModel() const
{
    return m_inspector->model();
}

bool WorkflowRunPanel::isRunning() const
{
    return m_runner->isRunning();
}

bool WorkflowRunPanel::start()
{
    if (isRunning() || m_workflow.isEmpty())
        return false;
    m_runner->setPrompter(prompter());
    m_runningWorkflow = m_workflow;
    m_previousResult = std::exchange(m_lastResult, RunResult());
    m_followLastStep = true;
    m_log->clear();
    showConsole({});
    showNotification({}, false);
    if (!m_runner->start(m_workflow, m_initialScope))
        return false;
    m_inspector->holdLargeExpansions(true);
    m_inspector->setScope(m_initialScope);
    m_status->setText(tr("Running\u2026"));
    updateControls();
    Q_EMIT runStarted();
    return true;
}

void WorkflowRunPanel::clearRun()
{
    if (isRunning())
        return;
    m_lastResult = RunResult();
    m_log->clear();
    showConsole({});
    showNotification({}, false);
    m_status->clear();
    m_inspector->maskSecrets(); // the next run shown is another resource's, or starts afresh
    m_inspector->setScope(m_initialScope);
    updateControls();
}

void WorkflowRunPanel::showRun(const RunResult &result, const Workflow &ranWorkflow)
{
    if (isRunning())
        return;
    m_runningWorkflow = ranWorkflow;
    m_inspector->maskSecrets(); // another resource's run, shown again
    m_log->clear();
    for (const StepResult &step : result.steps)
        m_log->append(step);
    m_followLastStep = true; // as a run ends: on its last step, or the failing one
    showOutcome(result);
    updateControls();
}

void WorkflowRunPanel::cancel()
{
    m_runner->cancel(); // reports finished() before it returns
}

int WorkflowRunPanel::selectedRow() const
{
    const QModelIndex current = m_logView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void WorkflowRunPanel::selectRow(int row)
{
    m_selectingProgrammatically = true;
    if (row < 0 || row >= m_log->rowCount()) {
        m_logView->setCurrentIndex({});
    } else {
        m_logView->setCurrentIndex(m_log->index(row, RunLogModel::StepColumn));
        m_logView->scrollTo(m_log->index(row, RunLogModel::StepColumn));
    }
    m_selectingProgrammatically = false;
}

QString WorkflowRunPanel::notificationText() const
{
    return m_notificationText;
}

void WorkflowRunPanel::onStepStarted(int index, const QString &name)
{
    const StepType type = index >= 0 && index < m_runningWorkflow.steps.size()
        ? stepType(m_runningWorkflow.steps.at(index))
        : StepType::Form;
    m_log->appendRunning(index, name, type);
    m_status->setText(
        tr("Running %1 (step %2 of %3)\u2026").arg(name).arg(index + 1).arg(m_runningWorkflow.steps.size()));
    if (m_followLastStep)
        selectRow(m_log->rowCount() - 1);
}

void WorkflowRunPanel::onStepFinished(const StepResult &result)
{
    m_log->append(result);
    // Again when a later step adds a secret: a token a script logged is masked once a step makes it secret.
    if (!result.console.isEmpty() || (m_console && m_console->lineCount() > 0))
        showConsole(m_log->secrets());
    const int row = m_log->rowForStep(result.index);
    if (row >= 0 && row == selectedRow())
        showScopeOfRow(row); // its scope is known now
}

void WorkflowRunPanel::onFinished(const RunResult &result)
{
    showOutcome(result);
    m_inspector->holdLargeExpansions(false);
    updateControls();
    if (result.outcome == RunOutcome::Failed && result.failedStepIndex >= 0)
        Q_EMIT failedStepSelected(result.failedStepIndex, result.failedField);
    Q_EMIT runFinished(result);
    BackgroundRelease::release(std::exchange(m_previousResult, RunResult()));
}

void WorkflowRunPanel::showOutcome(const RunResult &result)
{
    m_lastResult = result;
    // Masked with every secret of the run: a token logged before a later step made it a secret included.
    showConsole(result.scope.secrets());
    // The time a form waited for the user is the user's, not the workflow's: said apart, the run's own
    // time is what can be compared from one run to the next.
    qint64 formNs = 0;
    for (const StepResult &step : result.steps) {
        if (step.type == StepType::Form)
            formNs += step.elapsedNs;
    }
    const QString inForms = formNs > 0 ? tr(" (and %1 ms in the form)").arg(formatMs(formNs)) : QString();
    const QString elapsed = formatMs(result.elapsedNs - formNs);
    switch (result.outcome) {
    case RunOutcome::Succeeded:
    case RunOutcome::Skipped:
        m_status->setText(tr("Succeeded in %1 ms").arg(elapsed) + inForms);
        showNotification({}, false);
        if (m_followLastStep)
            selectRow(m_log->rowCount() - 1);
        break;
    case RunOutcome::Failed: {
        // The banner shows the reply's body, as the engine words it; its status goes beside the step.
        const int row = m_log->rowForStep(result.failedStepIndex);
        const int httpStatus = row >= 0 ? m_log->stepResult(row).httpStatus : 0;
        m_status->setText((httpStatus > 0 ? tr("Failed at %1 (HTTP %2) after %3 ms")
                                                .arg(result.failedStep)
                                                .arg(httpStatus)
                                                .arg(elapsed)
                                          : tr("Failed at %1 after %2 ms").arg(result.failedStep, elapsed)) +
                          inForms);
        break;
    }
    case RunOutcome::Cancelled:
        m_status->setText(tr("Cancelled after %1 ms").arg(elapsed) + inForms);
        break;
    }
    if (result.outcome == RunOutcome::Failed || result.outcome == RunOutcome::Cancelled) {
        // The run's secrets include every password typed and secret defined, so the banner never shows them.
        showNotification(SecretMasker(result.scope.secrets()).maskText(result.notification),
                         result.outcome == RunOutcome::Failed);
        const int row = m_log->rowForStep(result.failedStepIndex);
        if (row >= 0)
            selectRow(row);
        else
            showScopeOfRow(selectedRow());
    }
}

void WorkflowRunPanel::onRowActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const StepResult result = m_log->stepResult(index.row());
    Q_EMIT stepActivated(result.index);
    if (!m_log->isRunning(index.row()) && result.outcome == RunOutcome::Failed)
        Q_EMIT failedStepSelected(result.index, result.field);
}

void WorkflowRunPanel::showScopeOfRow(int row)
{
    // A running step has no scope of its own yet: show what it started from.
    while (row >= 0 && m_log->isRunning(row))
        --row;
    // With every secret the run has made so far: a token shown in http1's reply is masked there too,
    // though the step that made it secret came later (QA pass 39).
    Scope scope = row >= 0 ? m_log->stepResult(row).scope : m_initialScope;
    for (const QString &secret : m_log->secrets())
        scope.addSecret(secret);
    m_inspector->setScope(scope);
}

void WorkflowRunPanel::showConsole(const QSet<QString> &secrets)
{
    QList<StepResult> steps;
    bool anyLine = false;
    for (int row = 0; row < m_log->rowCount(); ++row) {
        if (!m_log->isRunning(row)) {
            steps.append(m_log->stepResult(row));
            anyLine = anyLine || !steps.last().console.isEmpty();
        }
    }
    if (!m_console && !anyLine)
        return;
    if (!m_console) {
        // Built when a script first writes: most workflows never do, and its text view with a monospace
        // font cost start-up 2.9M instructions (about half a millisecond) built hidden.
        m_console = new ConsoleView(this);
        m_console->setObjectName(QStringLiteral("runConsole"));
        // Beside the scope, under the run log: stacked as a third pane, at 1280x800 each of the three
        // showed two or three lines (QA pass 24); side by side the log keeps its rows and the scope its
        // height, and console lines are read across half the panel's width.
        auto *lower = new QSplitter(Qt::Horizontal, this);
        lower->setObjectName(QStringLiteral("runLowerSplitter"));
        lower->setChildrenCollapsible(false);
        const QList<int> heights = m_splitter->sizes();
        m_splitter->replaceWidget(m_splitter->indexOf(m_inspector), lower); // the inspector is let go
        lower->addWidget(m_console);
        lower->addWidget(m_inspector);
        m_inspector->show();
        lower->setStretchFactor(0, 1);
        lower->setStretchFactor(1, 1);
        // Half each, and the log as high as it was: the new pair's size hints would take it.
        lower->setSizes({qMax(1, m_splitter->width() / 2), qMax(1, m_splitter->width() / 2)});
        m_splitter->setSizes(heights);
        // Built after the window, they would come last in the Tab cycle: Tab goes log, console, scope.
        TabOrder::placeAfter(m_logView, m_console);
        TabOrder::placeAfter(m_console->textView(), m_inspector);
    }
    m_console->setSteps(steps, secrets);
    const int row = selectedRow();
    m_console->markStep(row >= 0 ? m_log->stepResult(row).index : -1);
    m_console->setVisible(m_console->lineCount() > 0);
}

void WorkflowRunPanel::showNotification(const QString &text, bool failure)
{
    m_notificationText = text;
    if (text.isEmpty()) {
        m_notification->clear();
        m_notification->hide();
        return;
    }
    m_notification->setText(
        text.size() > MaxNotificationLength ? text.left(MaxNotificationLength) + QChar(0x2026) : text);
    m_notification->setToolTip(failure ? tr("Why the run failed") : tr("Why the run stopped"));
    // Tinted from the palette's own colours, so the banner reads in light and dark themes alike.
    QPalette palette = this->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor tint = failure ? StudioColors::error(palette) : palette.color(QPalette::Highlight);
    const auto mix = [&](int a, int b) { return (a * 3 + b) / 4; };
    palette.setColor(
        QPalette::Window,
        QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()), mix(base.blue(), tint.blue())));
    m_notification->setPalette(palette);
    m_notification->show();
}

void WorkflowRunPanel::updateControls()
{
    const bool running = isRunning();
    m_testButton->setEnabled(!running && !m_workflow.isEmpty());
    // A greyed Test says why (the toolbar's Test says it in the status bar when pressed; QA pass 35).
    const QString noSteps = tr("No steps to test yet: add them in the workflow's tab");
    // Named: after Test Refresh Workflow this Test runs the refresh workflow, whichever tab is open (QA
    // pass 50 took it for the toolbar's Test, which tests the login).
    if (m_workflow.isEmpty())
        m_testButton->setToolTip(noSteps);
    else if (m_title.isEmpty())
        m_testButton->setToolTip(tr("Run the workflow now; Form steps ask for their values"));
    else
        m_testButton->setToolTip(
            tr("Run the workflow now (%1); Form steps ask for their values").arg(m_title));
    m_cancelButton->setEnabled(running);
    m_staleNote->setVisible(!running && m_log->rowCount() > 0 && m_runningWorkflow != m_workflow);
}

} // namespace AuthStudio
