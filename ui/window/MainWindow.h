// MainWindow: the studio's window. The resource list (with a filter) and the workspace variables dock on
// the left, the ResourceEditor in the centre, and the Test dock with the WorkflowRunPanel, which runs the
// current resource's auth or refresh workflow with the workspace variables as initial scope. It owns the
// WorkspaceDocument and drives files (New, Open, Open Recent, Save, Save As, Export/Import Resource),
// the dirty marker and the save/discard/cancel prompt on close, recent files and window state in
// StudioSettings, autosave with recovery on start, and the embedded demo API the bundled demo workspace
// talks to. Dialogs open with open() and answer through callbacks; tests answer them through the
// MessagePrompt and FileDialog hooks.
#pragma once

#include "document/DocumentChange.h"
#include "document/StepRef.h"
#include "document/WorkspaceFileWatcher.h"
#include "model/Workflow.h"
#include "run/StepResult.h"
#include "script/Scope.h"
#include "session/AuthSession.h"

#include "widgets/HintListView.h"

#include <QHash>
#include <QIcon>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QContextMenuEvent;
class QDockWidget;
class QKeyEvent;
class QLabel;
class QListView;
class QMenu;
class QNetworkAccessManager;
class QShowEvent;
class QSortFilterProxyModel;
class QThread;
class QWheelEvent;

namespace AuthStudio {

class AuthLoginPreview;
class Autosaver;
class DemoServer;
class FileChangeBar;
class FilterLineEdit;
class SessionManager;
class KeyValueTableEditor;
class ResourceEditor;
class ResourceListModel;
class WorkflowRunPanel;
class WorkspaceDocument;
struct DocumentChange;
struct RunResult;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    WorkspaceDocument *document() const { return m_document; }
    ResourceEditor *resourceEditor() const { return m_resourceEditor; }
    WorkflowRunPanel *runPanel() const { return m_runPanel; }
    Autosaver *autosaver() const { return m_autosaver; }
    QListView *resourceView() const { return m_resourceView; }
    DemoServer *demoServer() const { return m_demoServer; }
    // Sessions live in the OS keychain, written asynchronously: main() lets the writes finish after the
    // window closes (a login or a rename just before quitting).
    SessionManager *sessions() const { return m_sessions; }
    // The strip above the editor that says another program changed the workspace file; made on first
    // use, hidden.
    FileChangeBar *fileChangeBar();
    // The Auth Login preview dock's panel; created the first time the dock is shown.
    AuthLoginPreview *authLoginPreview();
    QDockWidget *previewDock() const { return m_previewDock; }
    // What sessions are kept under for the open workspace: its file, or while it has none, an id of its
    // own (SessionManager::newUnsavedWorkspaceId).
    QString sessionWorkspaceId() const;

    // Start-up: offers to restore a recovery file left by a crash, else opens `path`, or with no path the
    // bundled demo workspace against the embedded demo API.
    void start(const QString &path);
    // Opens without asking about unsaved changes (callers ask first). The file is read on a worker thread
    // so a big workspace doesn't freeze the window; `done` learns whether it opened (if not, the error was
    // shown). A newer open supersedes one still reading.
    void openFile(const QString &path, const std::function<void(bool)> &done = {});
    bool isOpening() const;
    bool openDemoWorkspace();
    // Starts the embedded demo API (once) and points DEMO_API at it for runs, without editing the file.
    bool startDemoServer();
    // Starts it when the workspace has an enabled DEMO_API variable, and shows it in the status bar then
    // only.
    void startDemoServerIfUsed();

    int currentResource() const;
    void setCurrentResource(int index);

    // The File menu's actions. Those that would drop unsaved changes ask first.
    void newWorkspace();
    void open();
    void openRecent(const QString &path);
    // `done` runs after the save with its outcome; not at all when the user cancels the file dialog.
    void save(const std::function<void(bool)> &done = {});
    void saveAs(const std::function<void(bool)> &done = {});
    void exportResource();
    void importResource();
    // The workspace variables resource `index` reads that this workspace lacks; after an import, the offer
    // to add them.
    QStringList missingVariables(int index) const;
    void offerMissingVariables(int index, const QStringList &missing);
    // Runs the current resource's workflow in the Test dock. The refresh workflow of a resource with no
    // session yet asks whether to test the auth workflow first, then the refresh workflow.
    void testWorkflow(WorkflowKind workflow);
    // `thenRefresh`: the auth workflow's success runs the refresh workflow next.
    void runInTestPanel(WorkflowKind workflow, bool thenRefresh = false);
    // Calls `proceed` to start the Test panel's run, unless the user declines it when asked about a name
    // the run would stop at after a form (see the definition).
    void checkTestStart(const std::function<void()> &proceed);
    void showAbout();
    void showPreferences();

    // The window's size at its first start on a screen whose free area is `available`: 1280x800 with room
    // for a window manager's title bar, else maximized (true) to fit a smaller screen.
    static std::pair<QSize, bool> firstStartSize(const QRect &available);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Once, when the window is shown with a resource open: the keyboard starts in the editor.
    void placeStartingFocus();
    // For a wheel turned over a drop-down or number box in the editors: scrolls their page instead.
    bool scrollsPageInstead(QWidget *choice, QWheelEvent *wheel);
    // Whether Undo or Redo pressed in the focused field should act on the document rather than on the
    // field's own history (see eventFilter).
    bool undoGoesToDocument(const QKeyEvent *key) const;
    // Whether the widget is a field of the editors whose edits are document commands.
    bool isDocumentField(const QWidget *field) const;
    // For a context menu asked of a text field (or a text box's viewport) of the editors: shows the
    // field's menu with Edit's Undo and Redo in place of its own; false for other widgets. Number boxes
    // and drop-downs keep their own menus, whose Undo is still their text's.
    bool showFieldMenu(QWidget *target, const QContextMenuEvent *event);
    void createActions();
    void createMenus();
    void createDocks();
    void readSettings();
    void writeSettings();

    // Undoes the edits since the last save (see maybeSave's Discard).
    void discardChanges();
    // Runs `proceed` when there are no unsaved changes, or after the user saved or discarded them.
    void maybeSave(const std::function<void()> &proceed);
    void finishSave(bool saved, const std::function<void(bool)> &done);
    // Shows the resource and step a save error's JSON pointer names (/resources/0/auth/authWorkflow/1/url).
    void showErrorPlace(const QString &place);
    void afterOpen();
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateTitle();
    void updateActions();
    // Cut, Copy, Paste and Select All follow the focus: on for a text field, Cut and Paste only when it
    // can be edited.
    void updateTextActions();
    void onDocumentChanged(const DocumentChange &change);
    void onLoadFinished(const QString &path, bool ok);
    // What the workspace file watcher found after a write: a reload by itself, or the bar saying it.
    void onFileChecked(AuthStudio::WorkspaceFileWatcher::State state);
    void onReloadFinished(bool ok);
    void reloadFromDisk(); // File > Reload from Disk, and the file bar's Reload
    void hideFileChangeBar();
    void onResourceSelectionChanged();
    void syncEditorToSelection();
    void updateRunPanelWorkflow();
    // Points the Auth Login preview at the current resource, while its dock is shown.
    void updatePreview();
    void updateLoginKeys();
    // Gives the panel the keyboard: its first field or list.
    void focusPanel(QDockWidget *dock);
    // Takes sessions along when the resource they belong to was renamed (`change`), or the workspace
    // saved under another file (a null change), and notes the keys in use.
    void followSessions(const DocumentChange *change);
    // After Undo or Redo: shows where the change was made (its resource, and its step's tab and row), as
    // the user may have moved on since making it.
    void showLastChange(bool undone);
    void onRunFinished(const RunResult &result);
    // The Test panel's run belonged to a resource or workspace that is gone: a run going is cancelled, and
    // the panel shows nothing of it.
    void dropPanelRun();
    void onFailedStepSelected(int step, const QString &field);
    Scope runScope(WorkflowKind workflow) const;
    QString fileDialogDirectory() const;

    WorkspaceDocument *m_document;
    Autosaver *m_autosaver;
    QNetworkAccessManager *m_network;
    DemoServer *m_demoServer = nullptr; // lives on m_demoThread
    QThread *m_demoThread = nullptr; // started on demand, a child of the window

    ResourceListModel *m_resourceModel;
    QSortFilterProxyModel *m_resourceFilterModel;
    HintListView *m_resourceView;
    FilterLineEdit *m_resourceFilter;
    KeyValueTableEditor *m_variablesEditor;
    ResourceEditor *m_resourceEditor;
    WorkflowRunPanel *m_runPanel;
    QDockWidget *m_runDock;
    QDockWidget *m_previewDock;
    QHash<const QObject *, QDockWidget *> m_panelToggles; // each panel's show/hide action (Alt+1 ...)
    AuthLoginPreview *m_preview = nullptr;
    SessionManager *m_sessions;
    QLabel *m_demoStatus;
    FileChangeBar *m_fileChangeBar = nullptr; // see fileChangeBar()
    WorkspaceFileWatcher *m_fileWatcher;
    bool m_reloadingByItself = false; // the reload under way was not asked for: the bar says it happened
    std::function<void(bool)> m_openDone; // the caller of the open in progress

    QMenu *m_recentMenu;
    QAction *m_newAction;
    QAction *m_openAction;
    QAction *m_openDemoAction;
    QAction *m_saveAction;
    QAction *m_saveAsAction;
    QAction *m_reloadAction;
    QAction *m_exportAction;
    QAction *m_importAction;
    QAction *m_quitAction;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QAction *m_addResourceAction;
    QAction *m_renameResourceAction;
    QAction *m_duplicateResourceAction;
    QAction *m_deleteResourceAction;
    QAction *m_moveResourceUpAction;
    QAction *m_moveResourceDownAction;
    QAction *m_testAuthAction;
    QAction *m_testRefreshAction;
    QAction *m_cancelTestAction;
    QAction *m_aboutAction;
    QAction *m_shortcutsAction;
    QAction *m_preferencesAction;
    QAction *m_cutAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_selectAllAction = nullptr;

    WorkflowKind m_runWorkflow = WorkflowKind::Auth;
    int m_runFilterResource = -1; // the resource the Test panel's scope filter was typed for
    int m_runPanelResource = -1; // the resource whose run the Test panel shows, -1 for none
    struct LastRun
    {
        WorkflowKind workflow;
        RunResult result;
        Workflow ran; // the steps as they were when it ran
    };
    // Each resource's last finished test run, by resource index: the Test panel shows it again when the
    // resource is shown again.
    QHash<int, LastRun> m_lastRuns;
    int m_previewResource = -1; // the resource the Auth Login preview was opened on, -1 for none
    bool m_previewOpens = true; // the preview's next resource is its opening: it may prompt for a login
    bool m_startingFocusPlaced = false;
    bool m_workspaceOpened = false; // afterOpen() has run once
    bool m_previewJustHidden = false; // hidden in this event, so a show now only moves it
    DocumentChange m_lastChange; // what the last edit, undo or redo changed, for showLastChange()
    // The session the last successful auth test left, per resource, as the app would keep it: the
    // variables its Define variable steps set, updated by successful refresh tests. The refresh test
    // starts from it and nothing else, as a real refresh does: a refresh workflow reading the auth
    // workflow's form1 or http1 passed its test and failed in use (QA pass 32).
    QHash<QString, AuthSession> m_sessionScopes;
    // The resource whose refresh workflow runs once its auth workflow, running now, has succeeded; -1.
    int m_refreshAfterLogin = -1;
    // The workspace id and resource names the sessions are kept under, as of the last change: a
    // renamed resource or a workspace saved under another file takes its sessions along (followSessions).
    QString m_sessionWorkspaceId;
    QString m_unsavedWorkspaceId;
    QStringList m_sessionNames; // by resource index: the name its session is kept under, empty for none
    bool m_closeConfirmed = false;
};

} // namespace AuthStudio
