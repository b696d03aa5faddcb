// WorkflowRunPanel: the "Test" panel under a workflow editor. It runs the workflow with its own
// WorkflowRunner (asynchronously, so the window stays responsive), lists each step in a run log, shows
// what the run's scripts wrote to their console (a Console pane under the log, there when they wrote
// something) and the scope after the selected step in a ScopeInspector, and on failure shows the engine's
// message (masked) and selects the failing step.
#pragma once

#include "model/Workflow.h"
#include "run/StepResult.h"
#include "script/Scope.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QSplitter;
class QTableView;

namespace AuthStudio {

class ConsoleView;
class DialogPrompter;
class FormPrompter;
class RunLogModel;
class ScopeInspector;
class ScopeModel;
class WorkflowRunner;

class WorkflowRunPanel : public QWidget
{
    Q_OBJECT
public:
    // The network access manager is not owned; it must outlive the panel.
    explicit WorkflowRunPanel(QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~WorkflowRunPanel() override;

    // What the next start() runs. A run in progress goes on with the workflow it started with.
    void setWorkflow(const Workflow &workflow, const Scope &initialScope, const QString &title);
    const Workflow &workflow() const { return m_workflow; }
    const Scope &initialScope() const { return m_initialScope; }
    QString title() const { return m_title; }
    // What the Test button does before start(): `check` calls `proceed` to start the run, or doesn't (the
    // window asks first about a name the run would stop at). None: the button starts at once.
    using StartCheck = std::function<void(const std::function<void()> &proceed)>;
    void setStartCheck(StartCheck check) { m_startCheck = std::move(check); }

    // Not owned; null restores the panel's own DialogPrompter. Takes effect for the next run.
    void setPrompter(FormPrompter *prompter);
    FormPrompter *prompter() const;
    DialogPrompter *dialogPrompter() const { return m_dialogPrompter; }

    // Forgets the last run (log, notification, status) and shows the scope the workflow starts from, as
    // when the panel moves to another resource's workflow; a run in progress is left alone.
    void clearRun();
    // Shows a finished run again, as it ended (log, status, notification, scopes), without announcing
    // it: the last run of a resource shown earlier, which ran `ranWorkflow`. A run in progress is left
    // alone.
    void showRun(const RunResult &result, const Workflow &ranWorkflow);
    // Returns false when a run is already going or there is nothing to run.
    bool start();
    void cancel();
    bool isRunning() const;

    RunLogModel *runLogModel() const { return m_log; }
    ScopeModel *scopeModel() const;
    ScopeInspector *scopeInspector() const { return m_inspector; }
    ConsoleView *consoleView() const { return m_console; } // null until a script has written to it
    WorkflowRunner *runner() const { return m_runner; }
    const RunResult &lastResult() const { return m_lastResult; }
    // The workflow the current or last run started with.
    const Workflow &lastRunWorkflow() const { return m_runningWorkflow; }
    // The run log row whose scope the inspector shows, or -1 before a run.
    int selectedRow() const;
    void selectRow(int row);
    // The notification text shown, masked; empty when none.
    QString notificationText() const;

Q_SIGNALS:
    void runStarted();
    void runFinished(const AuthStudio::RunResult &result);
    // A failed run selected its failing step, or the user activated a failed row: editors can jump to
    // the step and the field at fault ("URL", "header 'Authorization'", "code", ...).
    void failedStepSelected(int stepIndex, const QString &field);
    // The user double-clicked or pressed Enter on a run log row.
    void stepActivated(int stepIndex);

private:
    void onStepStarted(int index, const QString &name);
    void onStepFinished(const StepResult &result);
    void onFinished(const RunResult &result);
    void showOutcome(const RunResult &result);
    void onRowActivated(const QModelIndex &index);
    void showScopeOfRow(int row);
    // The Console pane, from the run log's finished steps, masked with `secrets`; hidden while empty.
    void showConsole(const QSet<QString> &secrets);
    void showNotification(const QString &text, bool failure);
    // The buttons, and the "(edited since)" note, as the run state and the workflow stand.
    void updateControls();

    WorkflowRunner *m_runner;
    DialogPrompter *m_dialogPrompter;
    QPointer<FormPrompter> m_prompter;
    RunLogModel *m_log;
    QLabel *m_titleLabel;
    QLabel *m_status;
    QLabel *m_staleNote; // shown when the workflow was edited after the run the log shows
    QLabel *m_notification;
    QPushButton *m_testButton;
    QPushButton *m_cancelButton;
    QTableView *m_logView;
    ConsoleView *m_console = nullptr; // built when a script first writes to it
    QSplitter *m_splitter = nullptr;
    ScopeInspector *m_inspector;

    StartCheck m_startCheck;
    Workflow m_workflow;
    Workflow m_runningWorkflow; // what the current or last run started with
    Scope m_initialScope;
    QString m_notificationText;
    QString m_title;
    RunResult m_lastResult;
    // The run before the current one, kept until the current one has finished and been announced, then
    // let go of on the thread pool: whoever held it last (the window keeps each resource's last run)
    // would otherwise free its values on the window's thread.
    RunResult m_previousResult;
    // While true, each new step is selected as it starts; a click on a row during the run stops that.
    bool m_followLastStep = true;
    bool m_selectingProgrammatically = false;
};

} // namespace AuthStudio
