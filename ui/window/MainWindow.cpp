#include "MainWindow.h"

#include "FileChangeBar.h"
#include "FileDialog.h"
#include "MessagePrompt.h"
#include "PreferencesDialog.h"
#include "ShortcutsDialog.h"
#include "StudioSettings.h"
#include "demo/DemoServer.h"
#include "document/Autosaver.h"
#include "document/DemoWorkspace.h"
#include "document/WorkspaceDocument.h"
#include "editor/JavaScriptStepEditor.h"
#include "editor/KeyValueTableEditor.h"
#include "editor/ResourceEditor.h"
#include "editor/ResourceListModel.h"
#include "editor/StepMenu.h"
#include "editor/WorkflowEditor.h"
#include "format/WorkspaceFormat.h"
#include "format/WorkspaceValidator.h"
#include "preview/AuthLoginPreview.h"
#include "run/ScopeInspector.h"
#include "run/WorkflowPrecheck.h"
#include "run/WorkflowRunPanel.h"
#include "script/ResourceReferences.h"
#include "session/KeychainSecretStore.h"
#include "session/SessionManager.h"
#include "widgets/ActionIconEngine.h"
#include "widgets/CodeEditor.h"
#include "widgets/CurrentRowHighlight.h"
#include "widgets/FilterLineEdit.h"
#include "widgets/StudioAction.h"
#include "widgets/TabOrder.h"
#include "widgets/VerticalScrollArea.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTextEdit>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

namespace AuthStudio {

namespace {

constexpr int StatusTimeoutMs = 4000;
constexpr int KeychainAnswerTimeoutMs = 120000;

// The field Edit's Cut, Copy, Paste and Select All act on, for the focused widget: a text field (they all
// have those slots, and a readOnly property), or a number box's text; null for anything else.
QWidget *textFieldOf(QWidget *widget)
{
    if (qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget) ||
        qobject_cast<const QTextEdit *>(widget))
        return widget;
    if (auto *number = qobject_cast<QAbstractSpinBox *>(widget))
        return number->findChild<QLineEdit *>(); // its text; its validator still refuses what isn't a number
    return nullptr;
}

// The platform's key for a standard action, or `fallback` where the platform theme names none (plain X11,
// Xvfb): the keys GNOME, KDE and Windows use.
QKeySequence standardKeyOr(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    const QKeySequence platformKey(key);
    return platformKey.isEmpty() ? fallback : platformKey;
}

// A name given without a JSON suffix gets the one of its kind of file: dialogs other than Qt's own may
// not add it, and Qt's takes the ".2" of "v1.2" for one.
QString withSuffix(const QString &path, const QString &suffix)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? path : path + suffix;
}

// A drop-down or number box, whose value the mouse wheel changes.
bool isChoice(const QWidget *widget)
{
    return qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget);
}

// A wheel turned over it no longer gives it the focus (see MainWindow::scrollsPageInstead).
void takeFocusOnlyByClickOrTab(QWidget *choice)
{
    if (choice->focusPolicy() == Qt::WheelFocus)
        choice->setFocusPolicy(Qt::StrongFocus);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new WorkspaceDocument(this))
    , m_autosaver(new Autosaver(m_document, this))
    , m_network(new QNetworkAccessManager(this))
    , m_resourceModel(new ResourceListModel(m_document, this))
    , m_resourceFilterModel(new QSortFilterProxyModel(this))
    , m_resourceView(new HintListView(this))
    , m_resourceFilter(new FilterLineEdit(this))
    , m_variablesEditor(new KeyValueTableEditor(m_document, this))
    , m_resourceEditor(new ResourceEditor(m_document, this))
    , m_runPanel(new WorkflowRunPanel(m_network, this))
    , m_runDock(new QDockWidget(tr("Test"), this))
    , m_demoStatus(new QLabel(this))
    , m_fileWatcher(new WorkspaceFileWatcher(m_document, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_resourceEditor->setObjectName(QStringLiteral("resourceEditor"));
    m_resourceEditor->setAccessibleName(tr("Resource editor"));
    // Room for the file bar above the editor, made when another program first writes the workspace file
    // (fileChangeBar()): built hidden at start-up it cost 0.3M instructions of the first frame.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_resourceEditor, 1);
    setCentralWidget(central);
    m_demoStatus->setObjectName(QStringLiteral("demoStatus"));
    statusBar()->addPermanentWidget(m_demoStatus);
    // A message longer than the bar's room is cut where the panel labels begin (QA pass 48: "kept in
    // memory until the pro|Demo API"): the whole of it is the bar's tooltip while it shows.
    connect(statusBar(), &QStatusBar::messageChanged, statusBar(),
            [bar = statusBar()](const QString &message) { bar->setToolTip(message); });

    createActions();
    createDocks();
    createMenus();

    connect(m_document, &WorkspaceDocument::changed, this, &MainWindow::onDocumentChanged);
    connect(m_document, &WorkspaceDocument::loadFinished, this, &MainWindow::onLoadFinished);
    connect(m_document, &WorkspaceDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::filePathChanged, this, &MainWindow::hideFileChangeBar);
    // Only this action: the path changes while a new workspace is put in place, before the views have
    // been told, when the rest of updateActions() would read resources that are gone.
    connect(m_document, &WorkspaceDocument::filePathChanged, this,
            [this](const QString &path) { m_reloadAction->setEnabled(!path.isEmpty()); });
    // The news of a reload done goes once the workspace moves on from it (Undo, an edit): it no longer
    // describes what is shown.
    connect(m_document, &WorkspaceDocument::modifiedChanged, this, [this](bool modified) {
        if (modified && m_fileChangeBar && !m_fileChangeBar->isHidden() && !m_fileChangeBar->offersAction())
            m_fileChangeBar->hide();
    });
    connect(m_document, &WorkspaceDocument::reloadFinished, this, &MainWindow::onReloadFinished);
    connect(m_fileWatcher, &WorkspaceFileWatcher::checked, this, &MainWindow::onFileChecked);
    connect(m_resourceView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onResourceSelectionChanged);
    connect(m_resourceEditor, &ResourceEditor::resourceChanged, this, &MainWindow::updateActions);
    // Runs start from the Test actions and from the panel's own button: either way they run the shown
    // resource's workflow, and what they find (sessions, failing steps, replies) belongs to it.
    connect(m_runPanel, &WorkflowRunPanel::runStarted, this, [this] {
        m_cancelTestAction->setEnabled(true);
        m_runPanelResource = currentResource();
        // A script's error mark is the last run's: a new run clears it, and marks what it finds.
        for (JavaScriptStepEditor *script : m_resourceEditor->findChildren<JavaScriptStepEditor *>())
            script->setErrorLine(0, {});
    });
    connect(m_resourceModel, &ResourceListModel::renameRefused, this, [this](const QString &reason) {
        statusBar()->showMessage(reason, StatusTimeoutMs * 2);
        // Also where the name was typed, as file managers do: the status bar is far from the eyes then.
        // Once the name's editor has closed: shown from inside its commit, the closing hid it again (QA
        // pass 22 saw none under X11).
        QTimer::singleShot(0, m_resourceView, [this, reason] {
            const QRect item = m_resourceView->visualRect(m_resourceView->currentIndex());
            QToolTip::showText(m_resourceView->viewport()->mapToGlobal(item.bottomLeft()), reason,
                               m_resourceView, {}, 5000);
        });
    });
    connect(m_runPanel, &WorkflowRunPanel::runFinished, this,
            [this] { m_cancelTestAction->setEnabled(false); });
    connect(m_runPanel, &WorkflowRunPanel::runFinished, this, &MainWindow::onRunFinished);
    connect(m_runPanel, &WorkflowRunPanel::failedStepSelected, this, &MainWindow::onFailedStepSelected);
    connect(m_autosaver, &Autosaver::autosaved, this,
            [this] { statusBar()->showMessage(tr("Unsaved changes backed up"), StatusTimeoutMs); });
    connect(m_autosaver, &Autosaver::autosaveFailed, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Couldn't back up unsaved changes: %1").arg(reason), StatusTimeoutMs);
    });

    // The wheel over a drop-down or number box doesn't take the focus (see scrollsPageInstead). Those
    // built from here on get it from eventFilter() as they are polished; these were polished already.
    for (QWidget *widget : findChildren<QWidget *>()) {
        if (isChoice(widget))
            takeFocusOnlyByClickOrTab(widget);
    }
    m_variablesEditor->setTable(KeyValueRef::variables());
    readSettings();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Children die after this destructor has run: their last signals (a selection cleared, a run
    // cancelled) must not reach a half-destroyed window.
    for (QObject *sender :
         std::initializer_list<QObject *> {m_document, m_autosaver, m_resourceEditor, m_runPanel,
                                           m_resourceView->selectionModel(), m_previewDock, m_sessions, qApp})
        disconnect(sender, nullptr, this, nullptr);
    qApp->removeEventFilter(this);
    if (m_demoThread) {
        m_demoThread->quit();
        m_demoThread->wait(); // the server is deleted there, its connections closed
    }
}

void MainWindow::createActions()
{
    m_newAction =
        StudioAction::create(this, QStringLiteral("actionNew"), tr("&New"), tr("Start an empty workspace"),
                             QKeySequence::New, ActionIconEngine::icon(ActionIconEngine::Glyph::New));
    m_openAction = StudioAction::create(this, QStringLiteral("actionOpen"), tr("&Open\u2026"),
                                        tr("Open a workspace file"), QKeySequence::Open,
                                        ActionIconEngine::icon(ActionIconEngine::Glyph::Open));
    m_openDemoAction =
        StudioAction::create(this, QStringLiteral("actionOpenDemo"), tr("Open &Demo Workspace"),
                             tr("Open the bundled demo workspace against the built-in demo API"));
    m_saveAction =
        StudioAction::create(this, QStringLiteral("actionSave"), tr("&Save"), tr("Save the workspace"),
                             QKeySequence::Save, ActionIconEngine::icon(ActionIconEngine::Glyph::Save));
    m_saveAsAction = StudioAction::create(
        this, QStringLiteral("actionSaveAs"), tr("Save &As\u2026"), tr("Save the workspace to another file"),
        standardKeyOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)),
        ActionIconEngine::icon(ActionIconEngine::Glyph::SaveAs));
    // To see another program's version after Dismiss, or to go back to the file's (QA pass 41: only
    // reopening did).
    m_reloadAction = StudioAction::create(
        this, QStringLiteral("actionReload"), tr("&Reload from Disk"),
        tr("Show the workspace as its file holds it now; Undo goes back to what was shown"),
        QKeySequence::Refresh);
    m_exportAction =
        StudioAction::create(this, QStringLiteral("actionExportResource"), tr("&Export Resource\u2026"),
                             tr("Save the current resource to a file of its own, to share it"));
    m_importAction =
        StudioAction::create(this, QStringLiteral("actionImportResource"), tr("&Import Resource\u2026"),
                             tr("Add a resource from an exported resource file"));
    m_quitAction =
        StudioAction::create(this, QStringLiteral("actionQuit"), tr("&Quit"), tr("Quit Auth Studio"),
                             QKeySequence::Quit, ActionIconEngine::icon(ActionIconEngine::Glyph::Quit));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    // The editors' fields would take Ctrl+Z for their own history (see eventFilter).
    qApp->installEventFilter(this);
    m_undoAction->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Undo));
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    // Ctrl+Y as well, as most editors on Linux and Windows accept it.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Y));
    m_redoAction->setShortcuts(redoKeys);
    m_redoAction->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Redo));
    // The menu says what would be undone ("Undo Add resource"); the tool bar keeps a short, steady label,
    // so it doesn't change width with every edit. The tooltip still names the command.
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction->setIconText(tr("Redo"));

    m_addResourceAction = StudioAction::create(this, QStringLiteral("actionAddResource"), tr("&Add Resource"),
                                               tr("Add a REST resource to the workspace"),
                                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                                               ActionIconEngine::icon(ActionIconEngine::Glyph::Add));
    m_renameResourceAction =
        StudioAction::create(this, QStringLiteral("actionRenameResource"), tr("&Rename Resource"),
                             tr("Rename the selected resource (F2)"), QKeySequence(Qt::Key_F2));
    m_duplicateResourceAction =
        StudioAction::create(this, QStringLiteral("actionDuplicateResource"), tr("D&uplicate Resource"),
                             tr("Add a copy of the selected resource"), QKeySequence(Qt::CTRL | Qt::Key_D),
                             ActionIconEngine::icon(ActionIconEngine::Glyph::Duplicate));
    m_deleteResourceAction =
        StudioAction::create(this, QStringLiteral("actionDeleteResource"), tr("&Delete Resource"),
                             tr("Delete the selected resource (Undo brings it back)"), {},
                             ActionIconEngine::icon(ActionIconEngine::Glyph::Delete));
    m_moveResourceUpAction = StudioAction::create(
        this, QStringLiteral("actionMoveResourceUp"), tr("Move Resource &Up"),
        tr("Move the selected resource up the list (Ctrl+Up in the list)"),
        QKeySequence(Qt::CTRL | Qt::Key_Up), ActionIconEngine::icon(ActionIconEngine::Glyph::MoveUp));
    m_moveResourceDownAction = StudioAction::create(
        this, QStringLiteral("actionMoveResourceDown"), tr("Move Resource Do&wn"),
        tr("Move the selected resource down the list (Ctrl+Down in the list)"),
        QKeySequence(Qt::CTRL | Qt::Key_Down), ActionIconEngine::icon(ActionIconEngine::Glyph::MoveDown));
    m_testAuthAction =
        StudioAction::create(this, QStringLiteral("actionTestAuth"), tr("&Test Auth Workflow"),
                             tr("Run the resource's auth workflow now"), QKeySequence(Qt::CTRL | Qt::Key_T),
                             ActionIconEngine::icon(ActionIconEngine::Glyph::Run));
    m_testRefreshAction =
        StudioAction::create(this, QStringLiteral("actionTestRefresh"), tr("Test &Refresh Workflow"),
                             tr("Run the resource's refresh workflow, starting from the last auth test"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    // Escape anywhere in the window, as the Test panel's Cancel button; on only while a run goes, so the
    // key is the fields' own the rest of the time (cell editors and pop-ups keep it even then).
    m_cancelTestAction = StudioAction::create(this, QStringLiteral("actionCancelTest"), tr("&Cancel Test"),
                                              tr("Stop the test run: aborts the request in flight"),
                                              QKeySequence(Qt::Key_Escape));
    m_cancelTestAction->setEnabled(false);
    m_preferencesAction = StudioAction::create(
        this, QStringLiteral("actionPreferences"), tr("&Preferences\u2026"),
        tr("How often unsaved changes are backed up"),
        standardKeyOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_aboutAction = StudioAction::create(this, QStringLiteral("actionAbout"), tr("&About Auth Studio"),
                                         tr("The version of Auth Studio"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_shortcutsAction =
        StudioAction::create(this, QStringLiteral("actionShortcuts"), tr("&Keyboard Shortcuts"),
                             tr("Every command that has keys, and its keys"), QKeySequence::HelpContents);

    // Toolbars show the short form.
    m_addResourceAction->setIconText(tr("Add"));
    m_duplicateResourceAction->setIconText(tr("Duplicate"));
    m_deleteResourceAction->setIconText(tr("Delete"));
    m_testAuthAction->setIconText(tr("Test"));

    // Cut, Copy, Paste and Select All act on the text field that has the focus. The fields handle the keys
    // themselves (and the scope inspector its own Ctrl+C), so the menu only shows the shortcuts: these
    // actions are for finding the commands and for the mouse.
    const struct
    {
        QAction **action;
        const char *objectName;
        QString text;
        QString toolTip;
        QKeySequence::StandardKey key;
        const char *slot;
    } textActions[] {
        {&m_cutAction, "actionCut", tr("Cu&t"), tr("Cut the selected text"), QKeySequence::Cut, "cut"},
        {&m_copyAction, "actionCopy", tr("&Copy"), tr("Copy the selected text"), QKeySequence::Copy, "copy"},
        {&m_pasteAction, "actionPaste", tr("&Paste"), tr("Paste into the field"), QKeySequence::Paste,
         "paste"},
        {&m_selectAllAction, "actionSelectAll", tr("Select &All"), tr("Select all of the field's text"),
         QKeySequence::SelectAll, "selectAll"},
    };
    for (const auto &entry : textActions) {
        QAction *action = StudioAction::create(this, QString::fromLatin1(entry.objectName), entry.text,
                                               entry.toolTip, entry.key);
        action->setShortcutContext(Qt::WidgetShortcut); // shown in the menu, left to the fields
        connect(action, &QAction::triggered, this, [slot = entry.slot] {
            if (QWidget *field = textFieldOf(QApplication::focusWidget()))
                QMetaObject::invokeMethod(field, slot);
        });
        *entry.action = action;
    }
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::updateTextActions);
    updateTextActions();

    // Connected after the stack's own connections, so these run once the command is undone or redone.
    connect(m_undoAction, &QAction::triggered, this, [this] { showLastChange(true); });
    connect(m_redoAction, &QAction::triggered, this, [this] { showLastChange(false); });
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newWorkspace);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);
    connect(m_openDemoAction, &QAction::triggered, this,
            [this] { maybeSave([this] { openDemoWorkspace(); }); });
    connect(m_saveAction, &QAction::triggered, this, [this] { save(); });
    connect(m_saveAsAction, &QAction::triggered, this, [this] { saveAs(); });
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reloadFromDisk);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportResource);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importResource);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_addResourceAction, &QAction::triggered, this, [this] {
        setCurrentResource(m_document->addNewResource());
        m_resourceEditor->focusName(); // type the new name straight away
    });
    connect(m_renameResourceAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_resourceView->currentIndex();
        if (current.isValid()) {
            m_resourceView->setFocus();
            m_resourceView->edit(current);
        }
    });
    connect(m_duplicateResourceAction, &QAction::triggered, this, [this] {
        if (currentResource() >= 0)
            setCurrentResource(m_document->duplicateResource(currentResource()));
    });
    connect(m_deleteResourceAction, &QAction::triggered, this, [this] {
        if (currentResource() >= 0)
            m_document->removeResource(currentResource());
    });
    // Reordering from the keyboard, as dragging does: one undoable move, the resource staying selected.
    for (const auto &[action, delta] :
         {std::pair {m_moveResourceUpAction, -1}, {m_moveResourceDownAction, 1}}) {
        connect(action, &QAction::triggered, this, [this, delta = delta] {
            const int from = currentResource();
            const int to = from + delta;
            if (from < 0 || to < 0 || to >= m_document->resourceCount())
                return;
            m_document->moveResource(from, to);
            setCurrentResource(to);
        });
    }
    connect(m_testAuthAction, &QAction::triggered, this, [this] { testWorkflow(WorkflowKind::Auth); });
    connect(m_testRefreshAction, &QAction::triggered, this, [this] { testWorkflow(WorkflowKind::Refresh); });
    connect(m_cancelTestAction, &QAction::triggered, this, [this] {
        if (m_runPanel->isRunning())
            m_runPanel->cancel();
    });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_shortcutsAction, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuOpenRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(m_openDemoAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_reloadAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_cutAction);
    edit->addAction(m_copyAction);
    edit->addAction(m_pasteAction);
    edit->addAction(m_selectAllAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu *resource = menuBar()->addMenu(tr("&Resource"));
    resource->setObjectName(QStringLiteral("menuResource"));
    resource->addAction(m_addResourceAction);
    resource->addAction(m_renameResourceAction);
    resource->addAction(m_duplicateResourceAction);
    resource->addAction(m_deleteResourceAction);
    resource->addAction(m_moveResourceUpAction);
    resource->addAction(m_moveResourceDownAction);
    resource->addSeparator();
    resource->addAction(m_testAuthAction);
    resource->addAction(m_testRefreshAction);
    resource->addAction(m_cancelTestAction);
    // The shown workflow's step commands, listed with their keys (Insert, Delete, ... in the step list).
    menuBar()->addMenu(new StepMenu(m_resourceEditor, this));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    // Alt+1 to Alt+5 go to the panels (and show or hide them), as IDEs number their tool windows: left to
    // right, top to bottom.
    const QStringList docks {QStringLiteral("resourcesDock"), QStringLiteral("variablesDock"),
                             QStringLiteral("runDock"), QStringLiteral("previewDock"),
                             QStringLiteral("historyDock")};
    for (qsizetype i = 0; i < docks.size(); ++i) {
        QDockWidget *dock = findChild<QDockWidget *>(docks.at(i), Qt::FindDirectChildrenOnly);
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        view->addAction(toggle);
        // A panel shown takes the focus, so its keys work at once (QA pass 36: Alt+3 showed the Test panel
        // and left the keyboard where it was). Once it is built and laid out: a panel may be built as it
        // is first shown.
        connect(toggle, &QAction::triggered, dock, [this, dock](bool shown) {
            if (shown)
                QTimer::singleShot(0, dock, [this, dock] { focusPanel(dock); });
        });
        // The key of a panel that is shown but not where the keyboard is goes to the panel rather than
        // hiding it, as an IDE's tool window keys do (QA pass 44: Alt+3 hid the Test panel, and a second
        // press was needed to reach it). The View menu's click still shows or hides. (eventFilter(),
        // which sees the application's events, takes the key's shortcut event.)
        m_panelToggles.insert(toggle, dock);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);

    auto *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    // Words beside the icons: "Test" says more to a newcomer than a play triangle.
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(ActionIconEngine::GlyphSize);
    toolBar->addAction(m_newAction);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_saveAction);
    toolBar->addSeparator();
    toolBar->addAction(m_undoAction);
    toolBar->addAction(m_redoAction);
    toolBar->addSeparator();
    toolBar->addAction(m_testAuthAction);
}

void MainWindow::createDocks()
{
    // Resources: filter box, list, buttons.
    m_resourceFilterModel->setSourceModel(m_resourceModel);
    m_resourceFilterModel->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_resourceFilter->setObjectName(QStringLiteral("resourceFilter"));
    m_resourceFilter->setPlaceholderText(tr("Filter resources"));
    m_resourceFilter->setAccessibleName(tr("Filter resources"));
    connect(m_resourceFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_resourceFilterModel->setFilterFixedString(text);
        // The editor keeps the resource a filter hides; shown again, it is selected again, so the list
        // never shows nothing selected beside an editor showing a resource.
        const int shown = currentResource();
        const QModelIndex row =
            shown < 0 ? QModelIndex() : m_resourceFilterModel->mapFromSource(m_resourceModel->index(shown));
        if (row.isValid() && m_resourceView->currentIndex() != row)
            m_resourceView->setCurrentIndex(row);
    });
    m_resourceView->setObjectName(QStringLiteral("resourceList"));
    m_resourceView->setAccessibleName(tr("Resources"));
    const auto updateEmptyHint = [this](const QString &filter) {
        m_resourceView->setEmptyHint(
            filter.isEmpty() ? tr("No resources yet. Add makes one (%1).")
                                   .arg(m_addResourceAction->shortcut().toString(QKeySequence::NativeText))
                             : tr("No resource matches \u201C%1\u201D.").arg(filter));
    };
    updateEmptyHint({});
    connect(m_resourceFilter, &QLineEdit::textChanged, this, updateEmptyHint);
    m_resourceView->setModel(m_resourceFilterModel);
    m_resourceFilter->setFilteredView(m_resourceView);
    m_resourceView->setSelectionMode(QAbstractItemView::SingleSelection);
    CurrentRowHighlight::keep(m_resourceView);
    // Resources reorder by drag and drop; the model turns a drop into one undoable move.
    m_resourceView->setDragDropMode(QAbstractItemView::InternalMove);
    m_resourceView->setDefaultDropAction(Qt::MoveAction);
    m_resourceView->setDragEnabled(true);
    m_resourceView->setAcceptDrops(true);
    m_resourceView->setDropIndicatorShown(true);
    m_resourceView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_resourceView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_resourceView->addActions(
        {m_addResourceAction, m_renameResourceAction, m_duplicateResourceAction, m_deleteResourceAction});
    // F2, Delete, Ctrl+Up and Ctrl+Down act on the list only, so they keep their meaning in text fields,
    // tables (F2 edits a cell) and the step list (where they act on steps).
    m_deleteResourceAction->setShortcut(QKeySequence::Delete);
    for (QAction *action :
         {m_renameResourceAction, m_deleteResourceAction, m_moveResourceUpAction, m_moveResourceDownAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        if (!m_resourceView->actions().contains(action))
            m_resourceView->addAction(action);
    }

    auto *resourceBar = new QToolBar(this);
    resourceBar->setObjectName(QStringLiteral("resourceToolBar"));
    resourceBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    resourceBar->setIconSize(ActionIconEngine::GlyphSize);
    resourceBar->addAction(m_addResourceAction);
    resourceBar->addAction(m_duplicateResourceAction);
    resourceBar->addAction(m_deleteResourceAction);
    auto *resourcesPane = new QWidget(this);
    auto *resourcesLayout = new QVBoxLayout(resourcesPane);
    resourcesLayout->setContentsMargins(4, 4, 4, 4);
    resourcesLayout->addWidget(m_resourceFilter);
    resourcesLayout->addWidget(m_resourceView, 1);
    resourcesLayout->addWidget(resourceBar);
    // The list comes right after the filter that narrows it (it was built first, so Tab reached it last
    // of the whole window, after the preview).
    QWidget::setTabOrder(m_resourceFilter, m_resourceView);
    auto *resourcesDock = new QDockWidget(tr("Resources"), this);
    resourcesDock->setObjectName(QStringLiteral("resourcesDock"));
    resourcesDock->setWidget(resourcesPane);
    addDockWidget(Qt::LeftDockWidgetArea, resourcesDock);

    // Workspace variables.
    m_variablesEditor->setObjectName(QStringLiteral("workspaceVariables"));
    m_variablesEditor->setRowNoun(tr("variable"));
    m_variablesEditor->view()->horizontalHeader()->resizeSection(0, 110);
    m_variablesEditor->setToolTip(
        tr("Values every expression can read, such as {{ DEMO_API }}; never secrets"));
    auto *variablesDock = new QDockWidget(tr("Workspace variables"), this);
    variablesDock->setObjectName(QStringLiteral("variablesDock"));
    variablesDock->setWidget(m_variablesEditor);
    addDockWidget(Qt::LeftDockWidgetArea, variablesDock);

    // Test.
    m_runPanel->setObjectName(QStringLiteral("runPanel"));
    m_runPanel->setAccessibleName(tr("Test run"));
    m_runPanel->setStartCheck([this](const std::function<void()> &proceed) { checkTestStart(proceed); });
    m_runDock->setObjectName(QStringLiteral("runDock"));
    m_runDock->setWidget(m_runPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_runDock);

    // Auth Login preview: the resource as an app would use it, with the user's session from the keychain.
    // Built when first shown, so start-up doesn't pay for its script engines.
    m_sessions = new SessionManager(std::make_unique<KeychainSecretStore>(), this);
    // The keychain may be asking its user something (unlock the keyring, choose a password for a new one):
    // give them time to answer before sessions go to memory for good. A keychain that isn't there at all
    // says so at once, whatever this is.
    m_sessions->setStoreTimeoutMs(KeychainAnswerTimeoutMs);
    m_unsavedWorkspaceId = m_sessions->newUnsavedWorkspaceId();
    // The user must hear when the session they just logged in with isn't kept (a locked or refused
    // keychain), or why the next start asks them to log in again.
    for (const auto signal : {&SessionManager::storeUnavailable, &SessionManager::storeError}) {
        connect(m_sessions, signal, this,
                [this](const QString &message) { statusBar()->showMessage(message, StatusTimeoutMs * 3); });
    }
    // Without a keychain that lasts as long as the process: it stays in sight after the message goes, and
    // a click on it shows the whole reason, which the status bar cuts off at 1280x800.
    auto *sessionStoreStatus = new QLabel(
        QStringLiteral("<a href=\"why\">%1</a>").arg(tr("Sessions not saved").toHtmlEscaped()), this);
    sessionStoreStatus->setObjectName(QStringLiteral("sessionStoreStatus"));
    sessionStoreStatus->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    sessionStoreStatus->hide();
    statusBar()->addPermanentWidget(sessionStoreStatus);
    for (const auto signal : {&SessionManager::storeUnavailable, &SessionManager::sessionNotSaved}) {
        connect(m_sessions, signal, sessionStoreStatus, [sessionStoreStatus](const QString &message) {
            sessionStoreStatus->setToolTip(message);
            sessionStoreStatus->setAccessibleDescription(message);
            sessionStoreStatus->show();
        });
    }
    connect(sessionStoreStatus, &QLabel::linkActivated, this, [this, sessionStoreStatus] {
        MessagePrompt::warn(this, tr("Sessions not saved"), sessionStoreStatus->toolTip());
    });
    // The preview (and the history) take the window's full height on the right, rather than stop above the
    // Test dock: at 1280x800 that left the preview's Query section below the fold. The Test dock then
    // runs under the editor only while one of them is open.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_previewDock = new QDockWidget(tr("Auth Login preview"), this);
    m_previewDock->setObjectName(QStringLiteral("previewDock"));
    m_previewDock->setToolTip(tr("Log in, query and log out as an app using this resource would"));
    addDockWidget(Qt::RightDockWidgetArea, m_previewDock);
    m_previewDock->hide();
    connect(m_previewDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Floating or docking the preview hides and shows it within one event: that moves it, and
        // doesn't open it again (QA pass 47: it asked for the login the user had just cancelled).
        if (!visible) {
            m_previewJustHidden = true;
            QTimer::singleShot(0, this, [this] { m_previewJustHidden = false; });
        } else if (!std::exchange(m_previewJustHidden, false)) {
            m_previewResource = -1; // shown again, it opens anew
            m_previewOpens = true;
            updatePreview();
        }
        updateLoginKeys();
    });
    connect(m_previewDock, &QDockWidget::topLevelChanged, this, &MainWindow::updateLoginKeys);

    // History: every undoable step, to jump back several at once. Hidden at first, so its list is built
    // when first shown, as the preview's is.
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setToolTip(tr("Every edit that Undo can take back; select one to go back to it"));
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    historyDock->hide();
    connect(historyDock, &QDockWidget::visibilityChanged, this, [this, historyDock](bool visible) {
        if (!visible || historyDock->widget())
            return;
        auto *history = new QUndoView(m_document->undoStack(), historyDock);
        history->setObjectName(QStringLiteral("undoHistory"));
        history->setAccessibleName(tr("Edit history"));
        history->setEmptyLabel(tr("<opened>"));
        historyDock->setWidget(history);
        // The dock was laid out empty: it opened 60 px wide ("His..."). Room for an edit's name, as the
        // preview has.
        const int readable = history->fontMetrics().averageCharWidth() * 32;
        if (historyDock->width() < readable)
            resizeDocks({historyDock}, {readable}, Qt::Horizontal);
        // A row the user picks (a click, or the arrow keys) shows where the last edit it undid or redid
        // was, as Undo and Redo do. The view's own model has moved the undo stack by then: it connected
        // first. Rows that follow Undo and Redo pressed elsewhere are left alone.
        connect(history->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, history](const QModelIndex &current, const QModelIndex &previous) {
                    if (history->hasFocus() && current.isValid() && previous.isValid() &&
                        current.row() != previous.row()) {
                        showLastChange(current.row() < previous.row());
                        // The keys stay the history's, so the arrows walk on through it (QA pass 37:
                        // the focus went to the field the edit was in, and Down moved its cursor).
                        history->setFocus(Qt::OtherFocusReason);
                    }
                });
    });

    resizeDocks({resourcesDock}, {260}, Qt::Horizontal);
    resizeDocks({m_runDock}, {330}, Qt::Vertical); // room for a four-step run log and the scope below it
}

void MainWindow::readSettings()
{
    StudioSettings settings;
    if (!restoreGeometry(settings.value(StudioSettings::Key::WindowGeometry).toByteArray())) {
        // The offscreen and minimal platforms' screen is a nominal 800x600 no one sees: the studio keeps
        // the size it is designed for there.
        const QString platform = QGuiApplication::platformName();
        const bool realScreen =
            platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
        const auto [size, maximized] = realScreen && screen() ? firstStartSize(screen()->availableGeometry())
                                                              : std::pair {QSize(1280, 800), false};
        resize(size);
        if (maximized)
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    restoreState(settings.value(StudioSettings::Key::WindowState).toByteArray());
    // A size saved larger than the screen (QA pass 39: a long name once widened the window to 6367 px, and
    // every later start came back that wide, the preview off the screen) fits the screen again.
    const QString platform = QGuiApplication::platformName();
    if (screen() && platform != QLatin1String("offscreen") && platform != QLatin1String("minimal") &&
        !isMaximized()) {
        const QSize available = screen()->availableGeometry().size();
        if (width() > available.width() || height() > available.height())
            resize(size().boundedTo(available));
    }
    m_autosaver->setIntervalSeconds(settings.autosaveIntervalSeconds());
}

std::pair<QSize, bool> MainWindow::firstStartSize(const QRect &available)
{
    // What a title bar and frame add around the window, which its size leaves out. On a 1280x800 screen
    // the window's 800 rows plus its title bar ran past the bottom, status bar and all (QA pass 32).
    constexpr int FrameAllowance = 48;
    const QSize designed(1280, 800);
    if (available.width() >= designed.width() && available.height() >= designed.height() + FrameAllowance)
        return {designed, false};
    // Without a window manager to maximize it, it still fits.
    return {designed.boundedTo(available.size() - QSize(0, FrameAllowance)), true};
}

void MainWindow::writeSettings()
{
    StudioSettings settings;
    settings.setValue(StudioSettings::Key::WindowGeometry, saveGeometry());
    settings.setValue(StudioSettings::Key::WindowState, saveState());
}

void MainWindow::start(const QString &path)
{
    if (path.isEmpty())
        startDemoServer();
    else
        m_demoStatus->hide(); // until the file turns out to use the demo API (afterOpen())
    auto openInitial = [this, path] {
        const auto openedOrEmpty = [this](bool opened) {
            if (!opened) {
                m_document->newWorkspace();
                afterOpen(); // as File > New does
            }
        };
        if (path.isEmpty())
            openedOrEmpty(openDemoWorkspace());
        else
            openFile(path, openedOrEmpty);
    };
    // Started on a file, only that file's unsaved work is offered: another workspace's must not take the
    // place of the one asked for.
    const std::optional<Autosaver::LeftRecovery> left = m_autosaver->takeOverLeftRecovery(path);
    if (!left) {
        openInitial();
        return;
    }
    const QString original = left->origin.path;
    const QString name = left->origin.workspaceName;
    QString what;
    if (!original.isEmpty()) {
        // The file's name, then its folder: a long path given whole wrapped after its first slash.
        const QFileInfo file(original);
        what = tr("\u201C%1\u201D in %2").arg(file.fileName(), QDir::toNativeSeparators(file.path()));
    } else {
        what = name.isEmpty() ? tr("an untitled workspace")
                              : tr("\u201C%1\u201D (not saved to a file yet)").arg(name);
    }
    const QString recoveryPath = left->filePath;
    // The buttons say what each does: "No" deleted the backup, which nothing said (QA pass 21).
    MessagePrompt::ask(this, QMessageBox::Question, tr("Restore unsaved work?"),
                       tr("Auth Studio didn't close normally. Restore the unsaved changes to %1?\n\n"
                          "Discarding deletes the backup of those changes for good.")
                           .arg(what),
                       QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes, this,
                       [this, original, recoveryPath, openInitial](MessagePrompt::Button answer) {
                           if (answer == QMessageBox::Yes &&
                               m_document->restoreRecovery(recoveryPath, original)) {
                               afterOpen();
                               statusBar()->showMessage(tr("Unsaved changes restored"), StatusTimeoutMs);
                               // The work is this studio's now: once it has its own copy, the one it came
                               // from goes.
                               if (m_autosaver->saveNow())
                                   m_autosaver->discardTakenOverRecovery();
                               return;
                           }
                           if (answer == QMessageBox::Yes)
                               MessagePrompt::warn(this, tr("Can't restore"), m_document->errorString());
                           m_autosaver->discardTakenOverRecovery();
                           openInitial();
                       },
                       {{QMessageBox::Yes, tr("&Restore")}, {QMessageBox::No, tr("&Discard Backup")}});
}

void MainWindow::openFile(const QString &path, const std::function<void(bool)> &done)
{
    m_openDone = done;
    statusBar()->showMessage(tr("Opening %1\u2026").arg(QDir::toNativeSeparators(path)));
    m_document->loadInBackground(path);
}

bool MainWindow::isOpening() const
{
    return m_document->isLoading();
}

void MainWindow::onLoadFinished(const QString &path, bool ok)
{
    statusBar()->clearMessage();
    if (ok) {
        addRecentFile(path);
        afterOpen();
    } else {
        MessagePrompt::warn(this, tr("Can't open the workspace"), m_document->errorString());
    }
    if (const std::function<void(bool)> done = std::exchange(m_openDone, {}))
        done(ok);
}

void MainWindow::onFileChecked(WorkspaceFileWatcher::State state)
{
    const QString name = m_document->displayName();
    switch (state) {
    case WorkspaceFileWatcher::State::Same:
        // Written back as it was, or saved over: nothing to offer any more (the news of a reload stays).
        if (m_fileChangeBar && m_fileChangeBar->offersAction())
            m_fileChangeBar->hide();
        break;
    case WorkspaceFileWatcher::State::Changed:
        // Nothing of the user's is lost by reloading a workspace without unsaved changes (and Undo takes
        // it back), as editors do; with unsaved changes, which to keep is theirs to say.
        if (!m_document->isModified() && StudioSettings().reloadsChangedFiles() &&
            m_document->reloadInBackground()) {
            m_reloadingByItself = true;
            return;
        }
        fileChangeBar()->showChanged(name, m_document->isModified());
        break;
    case WorkspaceFileWatcher::State::Removed:
        fileChangeBar()->showRemoved(name);
        break;
    }
}

FileChangeBar *MainWindow::fileChangeBar()
{
    if (!m_fileChangeBar) {
        m_fileChangeBar = new FileChangeBar(centralWidget());
        qobject_cast<QBoxLayout *>(centralWidget()->layout())->insertWidget(0, m_fileChangeBar);
        connect(m_fileChangeBar, &FileChangeBar::reloadRequested, this, &MainWindow::reloadFromDisk);
        connect(m_fileChangeBar, &FileChangeBar::saveRequested, this, [this] { save(); });
    }
    return m_fileChangeBar;
}

void MainWindow::hideFileChangeBar()
{
    if (m_fileChangeBar)
        m_fileChangeBar->hide();
}

void MainWindow::reloadFromDisk()
{
    m_reloadingByItself = false; // asked for: done is said in the status bar only
    m_document->reloadInBackground();
}

void MainWindow::onReloadFinished(bool ok)
{
    const bool byItself = std::exchange(m_reloadingByItself, false);
    if (!ok) {
        fileChangeBar()->showReloadFailed(m_document->displayName(), m_document->errorString());
        return;
    }
    if (byItself)
        fileChangeBar()->showReloaded(m_document->displayName());
    else
        hideFileChangeBar();
    statusBar()->showMessage(tr("Reloaded %1").arg(m_document->displayName()), StatusTimeoutMs);
}

bool MainWindow::openDemoWorkspace()
{
    startDemoServer();
    if (!m_document->loadData(DemoWorkspace::data(), DemoWorkspace::resourcePath())) {
        MessagePrompt::warn(this, tr("Can't open the demo workspace"), m_document->errorString());
        return false;
    }
    afterOpen();
    return true;
}

void MainWindow::startDemoServerIfUsed()
{
    // A workspace with the demo's variable (the demo saved to a file, or a workspace built from it, or
    // one given the variable as the README says) runs against the built-in demo API as the demo does: its
    // file names a fixed port nothing listens on.
    const KeyValueList &variables = m_document->workspace().variables;
    const bool used = std::any_of(variables.cbegin(), variables.cend(), [](const KeyValue &variable) {
        return variable.enabled && variable.name == DemoWorkspace::variableName();
    });
    if (used)
        startDemoServer();
    // The status bar names the demo API only where runs can reach it. Left running otherwise: a later
    // edit or Undo may give the variable back.
    m_demoStatus->setVisible(used);
}

bool MainWindow::startDemoServer()
{
    if (m_demoServer && m_demoServer->isListening())
        return true;
    if (!m_demoServer) {
        // The demo API answers on a thread of its own: a test run that sends it megabytes to echo back
        // would otherwise freeze this window while it works on them.
        m_demoThread = new QThread(this);
        m_demoThread->setObjectName(QStringLiteral("Demo API"));
        m_demoServer = new DemoServer; // owned by its thread from here on: deleted when the thread ends
        m_demoServer->moveToThread(m_demoThread);
        connect(m_demoThread, &QThread::finished, m_demoServer, &QObject::deleteLater);
        m_demoThread->start();
    }
    if (!m_demoServer->listen(0)) {
        m_demoStatus->setText(tr("Demo API not running"));
        statusBar()->showMessage(tr("Can't start the demo API: %1").arg(m_demoServer->errorString()),
                                 StatusTimeoutMs);
        return false;
    }
    const QString url = m_demoServer->baseUrl().toString();
    // A run-time override, not an edit: the file keeps its value and the document stays clean.
    m_document->setVariableOverride(DemoWorkspace::variableName(), url);
    m_demoStatus->setText(tr("Demo API: %1").arg(url));
    // What it answers, for newcomers building their first workflow against it without the README.
    QString tip =
        tr("The built-in demo API; runs use it as {{ %1 }} (a workspace variable of that name points "
           "here while the studio runs). Log in as %2 with the password %3.\n")
            .arg(DemoWorkspace::variableName(), DemoServer::demoEmail(), DemoServer::demoPassword());
    for (const DemoServer::Endpoint &endpoint : DemoServer::endpoints())
        tip += QStringLiteral("\n%1 %2 \u2014 %3").arg(endpoint.method, endpoint.path, endpoint.description);
    m_demoStatus->setToolTip(tip);
    return true;
}

void MainWindow::afterOpen()
{
    // Each workspace not saved to a file has sessions of its own, in memory only: a New workspace's
    // resource never gets the demo's token because it has the same name.
    if (m_document->filePath().isEmpty()) {
        m_unsavedWorkspaceId = m_sessions->newUnsavedWorkspaceId();
        m_sessionWorkspaceId = m_unsavedWorkspaceId;
    }
    m_sessionScopes.clear();
    startDemoServerIfUsed();
    // The Test panel's runs (and a filter for their names) and the preview's resource belonged to the
    // workspace before.
    dropPanelRun();
    m_runPanel->scopeInspector()->setFilterText({});
    m_lastRuns.clear();
    if (m_preview)
        m_preview->closeWorkspace(); // shown or not: its last query and events were the old workspace's
    m_previewResource = -1;
    m_previewOpens = true;
    m_resourceFilter->clear();
    setCurrentResource(m_document->resourceCount() > 0 ? 0 : -1);
    updateTitle();
    updateActions();
    m_workspaceOpened = true;
    placeStartingFocus();
}

int MainWindow::currentResource() const
{
    return m_resourceEditor->resource();
}

void MainWindow::setCurrentResource(int index)
{
    if (index < 0 || index >= m_document->resourceCount()) {
        m_resourceView->setCurrentIndex({});
        m_resourceEditor->setResource(-1);
    } else {
        const QModelIndex proxy = m_resourceFilterModel->mapFromSource(m_resourceModel->index(index));
        if (!proxy.isValid())
            m_resourceFilter->clear(); // the filter hides it: show everything rather than nothing
        m_resourceView->setCurrentIndex(m_resourceFilterModel->mapFromSource(m_resourceModel->index(index)));
        m_resourceEditor->setResource(index);
    }
    updateActions();
    updateRunPanelWorkflow();
}

void MainWindow::onResourceSelectionChanged()
{
    // While the document announces a change the list may report a row in the numbering before the change;
    // read the selection once everything has caught up.
    if (m_document->isNotifying())
        QMetaObject::invokeMethod(this, &MainWindow::syncEditorToSelection, Qt::QueuedConnection);
    else
        syncEditorToSelection();
}

void MainWindow::syncEditorToSelection()
{
    const QModelIndex current = m_resourceView->currentIndex();
    const int index = current.isValid() ? m_resourceFilterModel->mapToSource(current).row() : -1;
    if (index >= 0 && index != m_resourceEditor->resource())
        m_resourceEditor->setResource(index);
    updateActions();
    updateRunPanelWorkflow();
}

void MainWindow::newWorkspace()
{
    maybeSave([this] {
        m_document->newWorkspace();
        afterOpen();
    });
}

void MainWindow::open()
{
    maybeSave([this] {
        FileDialog::choose(this, FileDialog::Mode::Open, tr("Open Workspace"), fileDialogDirectory(),
                           FileDialog::workspaceFilter(), this,
                           [this](const QString &path) { openFile(path); });
    });
}

void MainWindow::openRecent(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        // Nothing to open: the workspace shown is not put in question for it.
        StudioSettings().removeRecentFile(path);
        updateRecentMenu();
        MessagePrompt::warn(this, tr("Can't open the workspace"),
                            tr("%1 is not there any more: it was moved or deleted. It is taken off the "
                               "recent files.")
                                .arg(QDir::toNativeSeparators(path)));
        return;
    }
    maybeSave([this, path] {
        openFile(path, [this, path](bool opened) {
            if (!opened) {
                StudioSettings().removeRecentFile(path);
                updateRecentMenu();
            }
        });
    });
}

void MainWindow::save(const std::function<void(bool)> &done)
{
    if (m_document->filePath().isEmpty()) {
        saveAs(done);
        return;
    }
    if (m_document->changedOnDisk() || m_document->undidReload()) {
        // Another window, an editor or a checkout wrote the file: saving without asking would throw
        // their changes away. So would saving the version Undo brought back from before a reload.
        const QString file = QDir::toNativeSeparators(m_document->filePath());
        MessagePrompt::ask(
            this, QMessageBox::Warning, tr("File changed on disk"),
            m_document->changedOnDisk()
                ? tr("%1 has been changed on disk since this window opened or saved it (by another window or "
                     "program).\n\nSaving replaces those changes with the workspace shown here. Save it to "
                     "another file to keep both.")
                      .arg(file)
                : tr("%1 holds another program's changes, which this window reloaded and then undid.\n\n"
                     "Saving replaces those changes with the workspace shown here. Save it to another file "
                     "to keep both.")
                      .arg(file),
            QMessageBox::Save | QMessageBox::SaveAll | QMessageBox::Cancel, QMessageBox::Cancel, this,
            [this, done](MessagePrompt::Button answer) {
                if (answer == QMessageBox::Save)
                    finishSave(m_document->save(), done);
                else if (answer == QMessageBox::SaveAll)
                    saveAs(done);
                else if (done)
                    done(false);
            },
            {{QMessageBox::Save, tr("&Overwrite")}, {QMessageBox::SaveAll, tr("Save &As\u2026")}});
        return;
    }
    finishSave(m_document->save(), done);
}

void MainWindow::saveAs(const std::function<void(bool)> &done)
{
    // A workspace that can't be saved is refused before the user picks a file for it.
    if (!m_document->keepsFileRules()) {
        finishSave(false, done);
        return;
    }
    const QString suggested = m_document->filePath().isEmpty()
        ? QDir(fileDialogDirectory()).filePath(m_document->workspace().name + WorkspaceFormat::fileSuffix())
        : m_document->filePath();
    FileDialog::choose(this, FileDialog::Mode::SaveWorkspace, tr("Save Workspace As"), suggested,
                       FileDialog::workspaceFilter(), this, [this, done](const QString &path) {
                           finishSave(m_document->saveAs(withSuffix(path, WorkspaceFormat::fileSuffix())),
                                      done);
                       });
}

void MainWindow::finishSave(bool saved, const std::function<void(bool)> &done)
{
    if (saved) {
        followSessions(nullptr); // Save As: the sessions now belong to the new file
        updatePreview();
        addRecentFile(m_document->filePath());
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())),
                                 StatusTimeoutMs);
    } else {
        MessagePrompt::warn(this, tr("Can't save the workspace"), m_document->errorString());
        showErrorPlace(m_document->saveErrorPlace());
    }
    if (done)
        done(saved);
}

void MainWindow::showErrorPlace(const QString &place)
{
    static const QRegularExpression pointer(QStringLiteral(
        "^/resources/(\\d+)(?:/auth/(authWorkflow|refreshWorkflow)/(\\d+)(?:/(\\w+)(?:/(\\d+))?)?)?"));
    const QRegularExpressionMatch match = pointer.match(place);
    if (!match.hasMatch())
        return;
    const int resource = match.captured(1).toInt();
    if (resource >= m_document->resourceCount())
        return;
    setCurrentResource(resource);
    if (match.capturedLength(2) > 0) {
        const WorkflowKind workflow =
            match.captured(2) == QLatin1String("authWorkflow") ? WorkflowKind::Auth : WorkflowKind::Refresh;
        // A form's field by its place ("field 2": its key may be the one at fault), or the step's part.
        const QString field = match.captured(4) == QLatin1String("fields") && match.capturedLength(5) > 0
            ? QStringLiteral("field %1").arg(match.captured(5).toInt() + 1)
            : match.captured(4);
        m_resourceEditor->showStep(workflow, match.captured(3).toInt(), field);
    }
}

void MainWindow::maybeSave(const std::function<void()> &proceed)
{
    if (!m_document->isModified()) {
        proceed();
        return;
    }
    MessagePrompt::ask(this, QMessageBox::Warning, tr("Unsaved changes"),
                       tr("Save the changes to %1?").arg(m_document->displayName()),
                       QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save,
                       this,
                       [this, proceed](MessagePrompt::Button answer) {
                           if (answer == QMessageBox::Save) {
                               save([proceed](bool saved) {
                                   if (saved)
                                       proceed();
                               });
                           } else if (answer == QMessageBox::Discard) {
                               discardChanges();
                               proceed();
                           }
                       },
                       {{QMessageBox::Save, tr("&Save")}, {QMessageBox::Discard, tr("&Discard")}});
}

void MainWindow::discardChanges()
{
    // Back to the saved state, edit by edit, so that what follows the document follows it back: a
    // session moved to a resource's new name returns to the name the file has (QA pass 39: after a
    // rename and Discard, the saved resource had no session, and the keychain kept one under a name no
    // file used). A history that no longer reaches the saved state leaves things as they are.
    QUndoStack *stack = m_document->undoStack();
    if (stack->cleanIndex() >= 0)
        stack->setIndex(stack->cleanIndex());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    placeStartingFocus();
}

void MainWindow::placeStartingFocus()
{
    // The keyboard starts in the editor, as an IDE's starts in its editor, rather than in the first
    // panel's filter box, where Qt puts it: the first Alt+1 hid the Resources panel the user meant to go
    // to (QA pass 47). Not where the user has put it already; the window takes it when it is active.
    if (m_startingFocusPlaced || !isVisible())
        return;
    QWidget *focus = focusWidget();
    QWidget *first = focus && focus != m_resourceFilter ? nullptr : TabOrder::firstIn(m_resourceEditor);
    if (first)
        first->setFocus(Qt::OtherFocusReason);
    // Once a workspace has opened in the shown window, never again: a later show (the window restored
    // from minimised) leaves the keyboard where the user has put it, the filter included.
    if (first || (focus && focus != m_resourceFilter) || m_workspaceOpened)
        m_startingFocusPlaced = true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeConfirmed || !m_document->isModified()) {
        m_runPanel->cancel();
        writeSettings();
        // Closing normally: whatever the recovery file held was saved or deliberately discarded.
        m_autosaver->discardRecovery();
        event->accept();
        return;
    }
    event->ignore();
    maybeSave([this] {
        m_closeConfirmed = true;
        close();
    });
}

void MainWindow::exportResource()
{
    const int index = currentResource();
    if (index < 0)
        return;
    if (!m_document->resourceKeepsFileRules(index)) {
        MessagePrompt::warn(this, tr("Can't export the resource"), m_document->errorString());
        showErrorPlace(m_document->saveErrorPlace());
        return;
    }
    const QString name = m_document->resource(index).name;
    const QString suggested =
        QDir(fileDialogDirectory()).filePath(name + WorkspaceFormat::resourceFileSuffix());
    FileDialog::choose(
        this, FileDialog::Mode::SaveResource, tr("Export Resource"), suggested, FileDialog::resourceFilter(),
        this, [this, index, name](const QString &path) {
            if (index >= m_document->resourceCount() || m_document->resource(index).name != name)
                return; // the resource went away while the dialog was open
            if (m_document->exportResource(index, withSuffix(path, WorkspaceFormat::resourceFileSuffix())))
                statusBar()->showMessage(tr("Exported %1").arg(name), StatusTimeoutMs);
            else
                MessagePrompt::warn(this, tr("Can't export the resource"), m_document->errorString());
        });
}

void MainWindow::importResource()
{
    FileDialog::choose(
        this, FileDialog::Mode::Open, tr("Import Resource"), fileDialogDirectory(),
        FileDialog::resourceFilter(), this, [this](const QString &path) {
            QString nameInFile;
            const int index = m_document->importResource(path, &nameInFile);
            if (index < 0) {
                MessagePrompt::warn(this, tr("Can't import the resource"), m_document->errorString());
                return;
            }
            // Renamed, said (QA pass 40: "Demo login 2" appeared without a word).
            const QString name = m_document->resource(index).name;
            statusBar()->showMessage(
                name == nameInFile ? tr("Imported \u201C%1\u201D").arg(name)
                                   : tr("Imported \u201C%1\u201D as \u201C%2\u201D: the workspace has a "
                                        "resource of that name already")
                                         .arg(nameInFile, name),
                StatusTimeoutMs * 2);
            const QStringList missing = missingVariables(index);
            // The preview shows the resource without asking for its login, which would
            // fail on them, and whose form would cover the question about them.
            if (!missing.isEmpty())
                m_previewOpens = false;
            setCurrentResource(index);
            offerMissingVariables(index, missing);
        });
}

QStringList MainWindow::missingVariables(int index) const
{
    // An exported resource carries no workspace variables: one that reads DEMO_API from its old
    // workspace would fail here on "unknown name" until the user found out what to add.
    QStringList missing;
    for (const QString &name : ResourceReferences::outsideNames(m_document->resource(index))) {
        if (!m_document->workspace().findVariable(name))
            missing.append(name);
    }
    return missing;
}

void MainWindow::offerMissingVariables(int index, const QStringList &missing)
{
    if (missing.isEmpty())
        return;
    const Resource &resource = m_document->resource(index);
    const QString name = resource.name;
    MessagePrompt::ask(
        this, QMessageBox::Question, tr("Add workspace variables?"),
        tr("\u201C%1\u201D uses %2, which this workspace doesn't define. Add %3 to the workspace "
           "variables, to fill in?")
            .arg(name, ResourceReferences::asExpressions(missing),
                 missing.size() == 1 ? tr("it") : tr("them")),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes, this,
        [this, missing](MessagePrompt::Button answer) {
            if (answer != QMessageBox::Yes)
                return;
            KeyValueList updated = m_document->workspace().variables;
            const int first = int(updated.size());
            for (const QString &missingName : missing) {
                if (!m_document->workspace().findVariable(missingName)) // added meanwhile?
                    updated.append({missingName, QString(), true});
            }
            m_document->setVariables(updated, tr("Add workspace variables"));
            // Where the values go in: the first one's cell, being edited.
            if (auto *dock = qobject_cast<QDockWidget *>(m_variablesEditor->parentWidget())) {
                dock->show();
                dock->raise();
            }
            m_variablesEditor->editValue(first);
        },
        {{QMessageBox::Yes, tr("&Add")}, {QMessageBox::No, tr("&Not Now")}});
}

Scope MainWindow::runScope(WorkflowKind workflow) const
{
    Scope scope = m_document->initialScope();
    if (workflow == WorkflowKind::Refresh && currentResource() >= 0) {
        // The refresh workflow runs inside a session: start from what the last auth test produced.
        scope = m_sessionScopes.value(m_document->resource(currentResource()).name).toScope(scope);
    }
    return scope;
}

AuthLoginPreview *MainWindow::authLoginPreview()
{
    if (!m_preview) {
        // In a scroll area: the preview is tall, and as the dock's minimum height it squeezed the Test
        // dock down to its title bar at 1280x800.
        m_preview = new AuthLoginPreview(m_network, m_sessions, m_previewDock);
        m_preview->setObjectName(QStringLiteral("authLoginPreview"));
        m_previewDock->setWidget(new VerticalScrollArea(m_preview, m_previewDock));
        // Built last, Qt put it after everything, the status bar's link included: that link goes after it,
        // so Tab reads the Test panel, then the preview. (Moving the preview's own stops instead tied
        // Qt 6.4's focus chain in a loop around its tab bars.)
        if (QWidget *previewEnd = TabOrder::lastIn(m_previewDock))
            TabOrder::placeAfter(previewEnd, statusBar());
    }
    return m_preview;
}

void MainWindow::updateLoginKeys()
{
    // Ctrl+L is the preview's, for the window it is in: floating, the preview is a window of its own, and
    // the key did nothing from this one (QA pass 44; this window's keys work from the floating dock, which
    // Qt counts as part of it). The window takes the action then, and gives it back when the preview is
    // docked again or hidden, so the key is free while the preview is.
    if (!m_preview)
        return;
    QAction *login = m_preview->loginAction();
    if (m_previewDock->isFloating() && m_previewDock->isVisible())
        addAction(login);
    else
        removeAction(login);
}

void MainWindow::updatePreview()
{
    if (!m_previewDock->isVisible())
        return;
    AuthLoginPreview *preview = authLoginPreview();
    const int index = currentResource();
    QString why;
    if (index < 0) {
        why = tr("Select a resource that uses custom auth to preview its login.");
    } else {
        const Resource &resource = m_document->resource(index);
        if (resource.authMethod != Resource::AuthMethod::Custom) {
            why = tr("\u201C%1\u201D doesn't use custom auth. Choose Custom auth under Authentication on its "
                     "General tab to preview its login.")
                      .arg(resource.name);
        } else if (m_document->workspace().resourcesNamed(resource.name) > 1) {
            // Sessions are kept by resource name: two resources of one name would share one, and the
            // preview would send one's token through the other's definition.
            why = tr("Another resource is also named \u201C%1\u201D. Sessions are kept by resource name: "
                     "rename one of them to preview its login.")
                      .arg(resource.name);
        }
    }
    if (!why.isEmpty()) {
        preview->closeResource(why);
        m_previewResource = -1;
        return;
    }
    const QString workspaceId = sessionWorkspaceId();
    // Edits to the resource it was opened on (typing its name, say) don't count as opening it again, and
    // only the preview's opening (the dock shown, a workspace opened) may prompt for a login.
    using Update = AuthLoginPreview::Update;
    const auto update = index == m_previewResource ? Update::Edited
        : std::exchange(m_previewOpens, false)     ? Update::Opened
                                                   : Update::Selected;
    m_previewResource = index;
    preview->setResource(m_document->workspace(), workspaceId, m_document->resource(index).name,
                         m_document->variableOverrides(), update);
}

QString MainWindow::sessionWorkspaceId() const
{
    // Sessions are keyed by the workspace file; an unsaved workspace has an id of its own.
    return m_document->filePath().isEmpty() ? m_unsavedWorkspaceId
                                            : QFileInfo(m_document->filePath()).canonicalFilePath();
}

void MainWindow::followSessions(const DocumentChange *change)
{
    const QString workspaceId = sessionWorkspaceId();
    const QStringList names = m_document->workspace().resourceNames();
    const QString profile = SessionManager::defaultProfile();
    const auto key = [&profile](const QString &workspace, const QString &resource) {
        return SessionManager::sessionKey(profile, workspace, resource);
    };
    using Kind = DocumentChange::Kind;
    if (!change) {
        // Saved under another file. Only sessions this process holds: reading every resource's from the
        // keychain would be one keychain call per resource.
        if (workspaceId != m_sessionWorkspaceId) {
            for (const QString &name : std::as_const(m_sessionNames)) {
                if (!name.isEmpty() && m_sessions->cached(key(m_sessionWorkspaceId, name)))
                    m_sessions->move(key(m_sessionWorkspaceId, name), key(workspaceId, name));
            }
        }
        m_sessionWorkspaceId = workspaceId;
        return;
    }
    const int resource = change->resource;
    if (change->kind == Kind::ResourceAdded && resource >= 0 && resource <= m_sessionNames.size())
        m_sessionNames.insert(resource, names.value(resource));
    else if (change->kind == Kind::ResourceRemoved && resource >= 0 && resource < m_sessionNames.size())
        m_sessionNames.removeAt(resource);
    else if (change->kind == Kind::ResourceMoved && resource >= 0 && resource < m_sessionNames.size() &&
             change->to >= 0 && change->to < m_sessionNames.size())
        m_sessionNames.move(resource, change->to);
    if (change->kind == Kind::Reset || m_sessionNames.size() != names.size()) {
        m_sessionWorkspaceId = workspaceId;
        m_sessionNames = names;
        return;
    }
    // Each resource's session is under its name, or, while its name is one two resources share, under
    // its last name of its own ("parked"), or gone (empty). A parked session under a name another
    // resource has taken since would be read as that one's: it is dropped.
    const auto moveScope = [this](const QString &from, const QString &to) {
        if (m_sessionScopes.contains(from))
            m_sessionScopes.insert(to, m_sessionScopes.take(from));
    };
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString parked = m_sessionNames.at(i);
        if (!parked.isEmpty() && parked != names.at(i) && names.contains(parked)) {
            m_sessions->forget(key(m_sessionWorkspaceId, parked));
            m_sessionScopes.remove(parked);
            m_sessionNames[i].clear();
        }
    }
    // A session goes to its resource's name once that name is the resource's own.
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString &name = names.at(i);
        if (m_sessionNames.at(i) == name || names.count(name) != 1 || m_sessionNames.contains(name))
            continue;
        if (!m_sessionNames.at(i).isEmpty()) {
            m_sessions->move(key(m_sessionWorkspaceId, m_sessionNames.at(i)), key(workspaceId, name));
            moveScope(m_sessionNames.at(i), name);
        }
        m_sessionNames[i] = name;
    }
    m_sessionWorkspaceId = workspaceId;
}

void MainWindow::showLastChange(bool undone)
{
    // A reload or restored work is edits made as one step (WorkspaceDocument::becomeWorkspace): it has no
    // one place, and the resource shown was carried along by its moves (QA pass 42: undoing a reload
    // that reordered resources went to the row, the other resource).
    const QUndoStack *stack = m_document->undoStack();
    const QUndoCommand *command = stack->command(undone ? stack->index() : stack->index() - 1);
    if (command && command->childCount() > 0)
        return;
    const DocumentChange &change = m_lastChange;
    using Kind = DocumentChange::Kind;
    // An undone add or duplicate goes back to the resource shown before it: the one above, as a copy is
    // inserted right after its original and a new resource at the end. A redone delete keeps the
    // neighbour the list selected, as the Delete action does.
    if (change.kind == Kind::ResourceRemoved && undone && m_document->resourceCount() > 0) {
        setCurrentResource(qBound(0, change.resource - 1, m_document->resourceCount() - 1));
        return;
    }
    // A workspace-wide change has no one place.
    if (change.kind == Kind::Reset || change.kind == Kind::WorkspaceChanged ||
        change.kind == Kind::ResourceRemoved)
        return;
    const int resource = change.kind == Kind::ResourceMoved ? change.to : change.resource;
    if (resource < 0 || resource >= m_document->resourceCount())
        return;
    if (resource != currentResource())
        setCurrentResource(resource);
    // An undone add (or a redone delete) leaves the list with its neighbour selected: the focus goes there,
    // not into the fields of whichever step is shown now (QA pass 36: a typed letter renamed TOKEN).
    if (change.kind == Kind::StepRemoved) {
        const int count = int(m_document->workflow(resource, change.workflow).steps.size());
        if (count > 0)
            m_resourceEditor->showStepInList(change.workflow, qMin(change.step, count - 1));
        return;
    }
    // A renamed step's change is its resource's (the references were rewritten too), naming the step.
    if (change.isStepEvent() || (change.kind == Kind::ResourceChanged && change.step >= 0)) {
        const int step = change.kind == Kind::StepMoved ? change.to : change.step;
        if (step >= 0 && step < m_document->workflow(resource, change.workflow).steps.size()) {
            // In the step shown, the field the edit was in (its tab: headers, body, ...).
            WorkflowEditor *workflow = m_resourceEditor->workflowEditor(change.workflow);
            const StepEditor *shown = workflow->currentStepEditor();
            const bool same = shown && shown->stepRef() == StepRef {resource, change.workflow, step};
            // A rename brings the cursor to the name it changed (QA pass 36: it went to the URL).
            const QString field = change.kind == Kind::ResourceChanged ? QStringLiteral("name")
                : same && change.kind == Kind::StepChanged             ? shown->lastChangedField()
                                                                       : QString();
            // The list's own commands (add, move, enable) come back in the list, with the focus: the next
            // key is the list's (QA pass 35: Space after Ctrl+Z typed into the step's code). An edit of a
            // field brings the cursor back to that field.
            const bool listCommand = change.kind == Kind::StepAdded || change.kind == Kind::StepMoved ||
                field == QLatin1String("enabled");
            if (listCommand)
                m_resourceEditor->showStepInList(change.workflow, step);
            else
                m_resourceEditor->showStep(change.workflow, step, field);
        }
    }
}

void MainWindow::updateRunPanelWorkflow()
{
    updatePreview();
    if (m_runPanel->isRunning())
        return;
    const int index = currentResource();
    // A filter typed for one resource's scope hid the next one's whole (QA pass 39): each starts unfiltered.
    if (index != m_runFilterResource) {
        m_runFilterResource = index;
        m_runPanel->scopeInspector()->setFilterText({});
    }
    // The panel shows the shown resource's run only: another resource's log, status and scope under this
    // one's title would mislead. Its own last run comes back with it.
    const auto lastRun = m_lastRuns.constFind(index);
    const bool restore = index >= 0 && index != m_runPanelResource && lastRun != m_lastRuns.cend();
    if (restore) {
        m_runPanelResource = index;
        m_runWorkflow = lastRun->workflow;
    } else if (index != m_runPanelResource) {
        if (m_runPanelResource >= 0) {
            m_runPanelResource = -1;
            m_runPanel->clearRun();
        }
        m_runWorkflow = WorkflowKind::Auth; // a resource without a run of its own shows its login
    }
    if (index < 0) {
        m_runPanel->setWorkflow({}, m_document->initialScope(), tr("No resource selected"));
        return;
    }
    const Resource &resource = m_document->resource(index);
    if (resource.authMethod != Resource::AuthMethod::Custom) {
        // As the toolbar's Test and the CLI: a resource without custom auth has no login to test.
        m_runPanel->setWorkflow({}, runScope(WorkflowKind::Auth),
                                tr("\"%1\" doesn't use custom auth: nothing to test").arg(resource.name));
        return;
    }
    const QString title = m_runWorkflow == WorkflowKind::Auth
        ? tr("Auth workflow of \"%1\"").arg(resource.name)
        : tr("Refresh workflow of \"%1\"").arg(resource.name);
    m_runPanel->setWorkflow(m_document->workflow(index, m_runWorkflow), runScope(m_runWorkflow), title);
    if (restore)
        m_runPanel->showRun(lastRun->result, lastRun->ran);
}

void MainWindow::testWorkflow(WorkflowKind workflow)
{
    const int index = currentResource();
    if (index < 0) {
        statusBar()->showMessage(tr("Select a resource to test"), StatusTimeoutMs);
        return;
    }
    if (m_document->workflow(index, workflow).isEmpty()) {
        statusBar()->showMessage(workflow == WorkflowKind::Auth ? tr("The auth workflow has no steps yet")
                                                                : tr("The refresh workflow has no steps yet"),
                                 StatusTimeoutMs);
        return;
    }
    const QString name = m_document->resource(index).name;
    if (workflow == WorkflowKind::Refresh && !m_sessionScopes.contains(name)) {
        // REFRESH_TOKEN and the like come from the session a login leaves: without one the refresh
        // workflow would most likely fail for want of them.
        MessagePrompt::ask(
            this, QMessageBox::Question, tr("Test the refresh workflow"),
            tr("A test of the refresh workflow starts from the session a test of the auth workflow leaves, "
               "and \u201C%1\u201D has had no successful one since the workspace was opened. (The Auth Login "
               "preview's session is the app's, kept apart.)\n\nTest the auth workflow first, then the "
               "refresh workflow from its session?")
                .arg(name),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes, this,
            [this, index, name](MessagePrompt::Button answer) {
                if (currentResource() != index || m_document->resource(index).name != name)
                    return; // another resource is shown now
                if (answer == QMessageBox::Yes)
                    runInTestPanel(WorkflowKind::Auth, true);
                else if (answer == QMessageBox::No)
                    runInTestPanel(WorkflowKind::Refresh);
            },
            {{QMessageBox::Yes, tr("Test &Both")}, {QMessageBox::No, tr("&Refresh Workflow Only")}});
        return;
    }
    runInTestPanel(workflow);
}

void MainWindow::runInTestPanel(WorkflowKind workflow, bool thenRefresh)
{
    const int index = currentResource();
    if (m_runPanel->isRunning())
        m_runPanel->cancel();
    m_refreshAfterLogin = thenRefresh ? index : -1;
    m_runWorkflow = workflow;
    m_runPanelResource = index; // the panel is this resource's now: nothing to clear or bring back
    updateRunPanelWorkflow();
    m_runDock->show();
    m_runDock->raise();
    checkTestStart([this] { m_runPanel->start(); });
}

void MainWindow::checkTestStart(const std::function<void()> &proceed)
{
    // A name nothing defines stops the run at the step that reads it. When a form asks before that step,
    // the user typed a password for nothing (QA passes 35 and 36 both tripped on it): say so first. The
    // steps before can still be tested; a run that stops at once says the same itself, unasked.
    // So do code that doesn't compile (QA pass 40), an address that isn't http (QA pass 41), and a
    // header or JSON body that can't be sent (QA pass 48).
    const std::optional<WorkflowPrecheck::Stop> stop = WorkflowPrecheck::firstStop(
        m_runPanel->workflow(), m_runPanel->initialScope().names(), *JavaScriptStepEditor::syntaxChecker());
    if (!stop || !stop->afterForm) {
        proceed();
        return;
    }
    const QString why = stop->reason;
    MessagePrompt::ask(
        this, QMessageBox::Warning, tr("Test the workflow"),
        tr("%1: the run would stop there, after the form has asked for its values.\n\nTest the steps "
           "before it anyway?")
            .arg(why),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, this,
        [proceed](MessagePrompt::Button answer) {
            if (answer == QMessageBox::Yes)
                proceed();
        },
        {{QMessageBox::Yes, tr("Test &Anyway")}});
}

void MainWindow::dropPanelRun()
{
    // First, so that onRunFinished() keeps nothing of a run cancelled here: its resource is gone.
    m_runPanelResource = -1;
    m_refreshAfterLogin = -1;
    if (m_runPanel->isRunning())
        m_runPanel->cancel(); // finishes before it returns
    m_runPanel->clearRun();
    m_runWorkflow = WorkflowKind::Auth;
}

void MainWindow::onRunFinished(const RunResult &result)
{
    if (m_runPanelResource < 0)
        return; // cancelled by dropPanelRun(): its resource or workspace is gone
    m_lastRuns.insert(m_runPanelResource, {m_runWorkflow, result, m_runPanel->lastRunWorkflow()});
    // The run's resource, followed through the edits made while it ran: its name as it is now.
    const QString resourceName = m_document->resource(m_runPanelResource).name;
    // So the expression fields can offer what the replies held ("{{ http1.body." lists its keys).
    m_document->setLastRunScope(resourceName, m_runWorkflow, result.scope);
    if (result.succeeded() && m_runWorkflow == WorkflowKind::Auth) {
        AuthSession session;
        session.takeVariables(result.scope, m_runPanel->lastRunWorkflow().definedVariableNames());
        m_sessionScopes.insert(resourceName, session);
    } else if (result.succeeded() && m_sessionScopes.contains(resourceName)) {
        // A refresh's new TOKEN (or REFRESH_TOKEN) is what the next refresh test starts from.
        m_sessionScopes[resourceName].takeVariables(result.scope,
                                                    m_runPanel->lastRunWorkflow().definedVariableNames());
    }
    // "Test the auth workflow first, then the refresh workflow": the second run starts once this one's
    // end has been announced everywhere.
    const bool refreshNext = m_runWorkflow == WorkflowKind::Auth &&
        m_refreshAfterLogin == m_runPanelResource && result.succeeded();
    m_refreshAfterLogin = -1;
    if (refreshNext) {
        const int index = m_runPanelResource;
        QMetaObject::invokeMethod(
            this,
            [this, index, resourceName] {
                if (currentResource() == index && m_document->resource(index).name == resourceName &&
                    !m_runPanel->isRunning())
                    runInTestPanel(WorkflowKind::Refresh);
            },
            Qt::QueuedConnection);
    }
    if (!result.succeeded() && m_runWorkflow == WorkflowKind::Refresh &&
        !m_sessionScopes.contains(resourceName)) {
        // The usual cause: REFRESH_TOKEN and the like come from a session that doesn't exist yet.
        statusBar()->showMessage(tr("The refresh workflow starts from the session the auth workflow leaves: "
                                    "test the auth workflow first (%1)")
                                     .arg(m_testAuthAction->shortcut().toString(QKeySequence::NativeText)),
                                 StatusTimeoutMs * 3);
    } else {
        statusBar()->showMessage(
            result.succeeded() ? tr("Test run succeeded") : tr("Test run did not succeed"), StatusTimeoutMs);
    }
    updateRunPanelWorkflow();
}

void MainWindow::onFailedStepSelected(int step, const QString &field)
{
    const int index = currentResource();
    if (index < 0 || index != m_runPanelResource)
        return; // the run belonged to a resource no longer shown
    // By name: steps added, removed or moved since the run have moved the indexes.
    const QList<StepResult> &results = m_runPanel->lastResult().steps;
    const auto failed = std::find_if(results.cbegin(), results.cend(),
                                     [step](const StepResult &result) { return result.index == step; });
    if (failed == results.cend())
        return;
    step = m_document->workflow(index, m_runWorkflow).indexOf(failed->name);
    if (step < 0) {
        statusBar()->showMessage(tr("The workflow has no step named %1 any more").arg(failed->name),
                                 StatusTimeoutMs);
        return;
    }
    m_resourceEditor->showStep(m_runWorkflow, step, field);
    auto *script = qobject_cast<JavaScriptStepEditor *>(
        m_resourceEditor->workflowEditor(m_runWorkflow)->currentStepEditor());
    if (script) {
        const QString message = m_runPanel->lastResult().notification;
        script->setErrorLine(CodeEditor::lineFromErrorMessage(message), message);
    }
}

void MainWindow::onDocumentChanged(const DocumentChange &change)
{
    m_lastChange = change;
    followSessions(&change); // before the preview looks for the session under the new key
    if (change.kind == DocumentChange::Kind::Reset)
        return; // afterOpen() or the caller selects what to show
    if (change.kind == DocumentChange::Kind::WorkspaceChanged)
        startDemoServerIfUsed();
    if (m_previewResource >= 0)
        m_previewResource = change.mapResource(m_previewResource);
    if (m_runPanelResource >= 0) {
        m_runPanelResource = change.mapResource(m_runPanelResource);
        if (m_runPanelResource < 0)
            dropPanelRun(); // its resource is gone
    }
    using Kind = DocumentChange::Kind;
    if (change.kind == Kind::ResourceAdded || change.kind == Kind::ResourceRemoved ||
        change.kind == Kind::ResourceMoved) {
        QHash<int, LastRun> lastRuns;
        for (auto run = m_lastRuns.cbegin(); run != m_lastRuns.cend(); ++run) {
            const int resource = change.mapResource(run.key());
            if (resource >= 0)
                lastRuns.insert(resource, run.value());
        }
        m_lastRuns = lastRuns;
    }
    updateRunPanelWorkflow();
    updateActions();
}

void MainWindow::addRecentFile(const QString &path)
{
    if (path.isEmpty())
        return;
    StudioSettings().addRecentFile(path);
    StudioSettings().setValue(StudioSettings::Key::LastDirectory, QFileInfo(path).absolutePath());
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = StudioSettings().recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction *action =
            m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setObjectName(QStringLiteral("recentFile%1").arg(i));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openRecent(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Recent Files"));
    clear->setObjectName(QStringLiteral("actionClearRecent"));
    connect(clear, &QAction::triggered, this, [this] {
        StudioSettings().setValue(StudioSettings::Key::RecentFiles, QStringList());
        updateRecentMenu();
    });
}

QString MainWindow::fileDialogDirectory() const
{
    if (!m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).absolutePath();
    const QString last = StudioSettings().value(StudioSettings::Key::LastDirectory).toString();
    return last.isEmpty() ? QDir::homePath() : last;
}

void MainWindow::focusPanel(QDockWidget *dock)
{
    dock->raise(); // the front tab, when tabbed with another panel
    if (QWidget *first = TabOrder::firstIn(dock))
        first->setFocus(Qt::ShortcutFocusReason);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (QDockWidget *dock = event->type() == QEvent::Shortcut ? m_panelToggles.value(watched) : nullptr;
        dock && dock->isVisible()) {
        QWidget *focus = QApplication::focusWidget();
        if (focus && dock->isAncestorOf(focus)) {
            // Hidden from inside, it leaves the keyboard in the editor's first stop (its tab bar, where the
            // focus shows), not in whichever panel Qt picks next: that panel's own key then hid it, where
            // it should have gone there (QA pass 45).
            static_cast<QAction *>(watched)->trigger();
            if (QWidget *first = TabOrder::firstIn(m_resourceEditor))
                first->setFocus(Qt::ShortcutFocusReason);
            else
                m_resourceEditor->setFocus(Qt::ShortcutFocusReason);
        } else {
            focusPanel(dock);
        }
        return true;
    }
    // A text field takes Undo and Redo for its own history before any shortcut sees them. In the
    // editors every field edit is already a document command, and the field's history is cleared
    // whenever the document sets its text: Redo there did nothing, and Undo there pushed a new edit
    // that threw away everything the user could redo. Ignored here, the keys reach Edit's actions.
    if (event->type() == QEvent::ShortcutOverride && undoGoesToDocument(static_cast<QKeyEvent *>(event))) {
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::ContextMenu &&
        showFieldMenu(qobject_cast<QWidget *>(watched), static_cast<QContextMenuEvent *>(event)))
        return true;
    if (event->type() == QEvent::Polish || event->type() == QEvent::Wheel) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (isChoice(widget) && event->type() == QEvent::Polish)
            takeFocusOnlyByClickOrTab(widget);
        if (isChoice(widget) && event->type() == QEvent::Wheel &&
            scrollsPageInstead(widget, static_cast<QWheelEvent *>(event)))
            return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::scrollsPageInstead(QWidget *choice, QWheelEvent *wheel)
{
    // Scrolling a page of fields with the wheel, a drop-down or number passing under the pointer used to
    // take the turns and change its value (Authentication went to None). Unless the user is in it, the
    // wheel scrolls the page around it.
    if (choice->hasFocus() || !m_resourceEditor->isAncestorOf(choice))
        return false;
    for (QWidget *up = choice->parentWidget(); up && up != m_resourceEditor; up = up->parentWidget()) {
        auto *area = qobject_cast<QAbstractScrollArea *>(up);
        if (area && area->verticalScrollBar()->maximum() > 0) {
            QCoreApplication::sendEvent(area->verticalScrollBar(), wheel);
            return true;
        }
    }
    return false;
}

bool MainWindow::undoGoesToDocument(const QKeyEvent *key) const
{
    // The keys Edit's Undo and Redo have, Ctrl+Y among them.
    const QKeySequence pressed(key->keyCombination());
    const bool undo = m_undoAction->shortcuts().contains(pressed);
    if (!undo && !m_redoAction->shortcuts().contains(pressed))
        return false;
    // Code and bodies too: they keep no history of their own (see CodeEditor), so that Ctrl+Z there
    // undoes what Edit's Undo does, and never across a save or another step.
    return isDocumentField(QApplication::focusWidget());
}

bool MainWindow::isDocumentField(const QWidget *field) const
{
    if (!field || field->window() != this ||
        !(m_resourceEditor->isAncestorOf(field) || m_variablesEditor->isAncestorOf(field)))
        return false; // filters, the preview's query: not part of the document
    for (const QWidget *up = field->parentWidget(); up && up != this; up = up->parentWidget()) {
        if (qobject_cast<const QAbstractItemView *>(up))
            return false; // a table cell being typed in: its text isn't in the document yet
    }
    return true; // line edits, spin boxes, code and bodies: each edit of one is a document command
}

bool MainWindow::showFieldMenu(QWidget *target, const QContextMenuEvent *event)
{
    // A text field's own menu has Undo and Redo of the field's history, which the document's commands
    // replace (see eventFilter): there Undo pushed a new edit, or did nothing in code and bodies. The
    // menu gets Edit's Undo and Redo instead. The mouse's menu is asked of a text box's viewport.
    auto *plain = target ? qobject_cast<QPlainTextEdit *>(target->parentWidget()) : nullptr;
    if (plain && plain->viewport() != target)
        plain = nullptr;
    if (!plain)
        plain = qobject_cast<QPlainTextEdit *>(target);
    auto *line = qobject_cast<QLineEdit *>(target);
    QWidget *field = plain ? static_cast<QWidget *>(plain) : line;
    // A number box's or drop-down's text is left to their own menus.
    if (!field || qobject_cast<QAbstractSpinBox *>(field->parentWidget()) ||
        qobject_cast<QComboBox *>(field->parentWidget()) || !isDocumentField(field))
        return false;
    QMenu *menu = nullptr;
    if (plain)
        menu = plain->createStandardContextMenu(plain->viewport()->mapFromGlobal(event->globalPos()));
    else
        menu = line->createStandardContextMenu();
    if (!menu)
        return false;
    const QList<QAction *> items = menu->actions();
    for (QAction *item : items) {
        QAction *ours = item->objectName() == QLatin1String("edit-undo") ? m_undoAction
            : item->objectName() == QLatin1String("edit-redo")           ? m_redoAction
                                                                         : nullptr;
        if (ours) {
            menu->insertAction(item, ours);
            menu->removeAction(item);
        }
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
    return true;
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] \u2014 Auth Studio").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

void MainWindow::updateTextActions()
{
    // The menu bar takes the focus while the Edit menu is opened from the keyboard (Alt+E): the actions
    // stay those of the field the menu was opened over (QA pass 22: they greyed out in the script editor).
    QWidget *focus = QApplication::focusWidget();
    if (qobject_cast<QMenuBar *>(focus) || qobject_cast<QMenu *>(focus))
        return;
    const QWidget *field = textFieldOf(focus);
    const bool text = field != nullptr;
    const bool writable = text && !field->property("readOnly").toBool();
    m_cutAction->setEnabled(writable);
    m_copyAction->setEnabled(text);
    m_pasteAction->setEnabled(writable);
    m_selectAllAction->setEnabled(text);
}

void MainWindow::updateActions()
{
    const bool hasResource = currentResource() >= 0;
    m_renameResourceAction->setEnabled(hasResource);
    m_duplicateResourceAction->setEnabled(hasResource);
    m_deleteResourceAction->setEnabled(hasResource);
    m_moveResourceUpAction->setEnabled(hasResource && currentResource() > 0);
    m_moveResourceDownAction->setEnabled(hasResource && currentResource() < m_document->resourceCount() - 1);
    m_exportAction->setEnabled(hasResource);
    m_reloadAction->setEnabled(!m_document->filePath().isEmpty());
    const bool custom =
        hasResource && m_document->resource(currentResource()).authMethod == Resource::AuthMethod::Custom;
    // As the Test panel's button: greyed while there is nothing to run, its tooltip saying why (QA passes
    // 35 to 38 found the tool bar's enabled beside the panel's greyed one).
    const auto update = [this, custom](QAction *action, WorkflowKind kind) {
        const bool empty = custom && m_document->workflow(currentResource(), kind).isEmpty();
        action->setEnabled(custom && !empty);
        // The status tip is the tooltip it was made with, without its keys.
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(
            empty ? (kind == WorkflowKind::Auth
                         ? tr("The auth workflow has no steps yet: add one in its tab (Insert)")
                         : tr("The refresh workflow has no steps yet: add one in its tab (Insert)"))
                  : QStringLiteral("%1 (%2)").arg(action->statusTip(), keys));
    };
    update(m_testAuthAction, WorkflowKind::Auth);
    update(m_testRefreshAction, WorkflowKind::Refresh);
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_autosaver->setIntervalSeconds(StudioSettings().autosaveIntervalSeconds());
        statusBar()->showMessage(tr("Preferences saved"), StatusTimeoutMs);
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *box =
        new QMessageBox(QMessageBox::NoIcon, tr("About Auth Studio"),
                        tr("<h3>Auth Studio %1</h3><p>A desktop studio for building and testing custom API "
                           "authentication workflows.</p><p>Built with Qt %2.</p>")
                            .arg(QStringLiteral(AUTHSTUDIO_VERSION), QString::fromLatin1(qVersion())),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace AuthStudio
