#include "WorkflowEditor.h"

#include "ApiRequestStepEditor.h"
#include "DefineVariableStepEditor.h"
#include "FormStepEditor.h"
#include "JavaScriptStepEditor.h"
#include "StepListModel.h"
#include "document/WorkspaceDocument.h"
#include "widgets/ActionIconEngine.h"
#include "widgets/CurrentPageStack.h"
#include "widgets/CurrentRowHighlight.h"
#include "widgets/StudioAction.h"
#include "widgets/TabOrder.h"
#include "widgets/VerticalScrollArea.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace AuthStudio {

namespace {

constexpr StepType AllStepTypes[] = {StepType::Form, StepType::ApiRequest, StepType::JavaScript,
                                     StepType::DefineVariable};

QString addActionName(StepType type)
{
    switch (type) {
    case StepType::Form:
        return QStringLiteral("addFormStep");
    case StepType::ApiRequest:
        return QStringLiteral("addApiRequestStep");
    case StepType::JavaScript:
        return QStringLiteral("addJavaScriptStep");
    case StepType::DefineVariable:
        return QStringLiteral("addDefineVariableStep");
    }
    return {};
}

QString editorName(StepType type)
{
    switch (type) {
    case StepType::Form:
        return QStringLiteral("formStepEditor");
    case StepType::ApiRequest:
        return QStringLiteral("apiRequestStepEditor");
    case StepType::JavaScript:
        return QStringLiteral("javaScriptStepEditor");
    case StepType::DefineVariable:
        return QStringLiteral("defineVariableStepEditor");
    }
    return {};
}

QString addStepToolTip(StepType type)
{
    switch (type) {
    case StepType::Form:
        return WorkflowEditor::tr("Ask the user for values (email and password to start with)");
    case StepType::ApiRequest:
        return WorkflowEditor::tr("Call an HTTP endpoint, e.g. the login endpoint");
    case StepType::JavaScript:
        return WorkflowEditor::tr("Compute something from earlier steps with JavaScript");
    case StepType::DefineVariable:
        return WorkflowEditor::tr("Keep a value (usually a token) as a variable for headers");
    }
    return {};
}

} // namespace

WorkflowEditor::WorkflowEditor(WorkspaceDocument *document, WorkflowKind workflow, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_workflow(workflow)
    , m_model(new StepListModel(document, this))
    , m_view(new HintListView(this))
    , m_addButton(new QToolButton(this))
    , m_addMenu(new QMenu(m_addButton))
    , m_details(new CurrentPageStack(this))
    , m_emptyPage(new QLabel(this))
{
    const QString workflowLabel =
        workflow == WorkflowKind::Auth ? tr("auth workflow") : tr("refresh workflow");
    m_view->setObjectName(QStringLiteral("stepList"));
    m_view->setAccessibleName(tr("Steps of the %1").arg(workflowLabel));
    m_view->setModel(m_model);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    CurrentRowHighlight::keep(m_view);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setMinimumWidth(220);
    m_view->setEmptyHint(tr("No steps yet. Insert or Add step adds one."));

    for (StepType type : AllStepTypes) {
        // With a letter to pick it by in the menu: F, A, J, D.
        QAction *action = StudioAction::create(this, addActionName(type),
                                               QLatin1Char('&') + stepTypeLabel(type), addStepToolTip(type));
        connect(action, &QAction::triggered, this, [this, type] { addStep(type); });
        m_addMenu->addAction(action);
        m_addActions.append(action);
    }
    m_addButton->setObjectName(QStringLiteral("addStepButton"));
    m_addButton->setText(tr("Add step"));
    m_addButton->setToolTip(
        tr("Add a step at the end of the %1 (Insert in the step list)").arg(workflowLabel));
    m_addButton->setAccessibleName(tr("Add step"));
    m_addButton->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Add));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setMenu(m_addMenu);
    m_addButton->setFocusPolicy(
        Qt::TabFocus); // a Tab stop (Space opens the menu); a click leaves the focus be

    m_addStepAction = createCommandAction(Command::AddStep, this);
    m_addStepAction->setMenu(m_addMenu); // a submenu of step types in the context menu
    m_removeAction = createCommandAction(Command::RemoveStep, this);
    m_duplicateAction = createCommandAction(Command::DuplicateStep, this);
    m_moveUpAction = createCommandAction(Command::MoveStepUp, this);
    m_moveDownAction = createCommandAction(Command::MoveStepDown, this);
    m_toggleEnabledAction = createCommandAction(Command::ToggleStepEnabled, this);
    // Insert, Delete, Ctrl+Up, Ctrl+Down and Space act on the list only, so they keep their meaning in text
    // fields. Ctrl+Shift+D means nothing there: it duplicates from anywhere in the workflow.
    for (QAction *action :
         {m_addStepAction, m_removeAction, m_moveUpAction, m_moveDownAction, m_toggleEnabledAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
    m_duplicateAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_duplicateAction);
    // The list's context menu has them all, in menu order.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->insertAction(m_moveUpAction, m_duplicateAction);
    connect(m_addStepAction, &QAction::triggered, this, &WorkflowEditor::showAddMenu);
    connect(m_removeAction, &QAction::triggered, this, &WorkflowEditor::removeCurrentStep);
    connect(m_duplicateAction, &QAction::triggered, this, &WorkflowEditor::duplicateCurrentStep);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveCurrentStep(-1); });
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveCurrentStep(1); });
    connect(m_toggleEnabledAction, &QAction::triggered, this, &WorkflowEditor::toggleCurrentStepEnabled);

    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("stepToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(ActionIconEngine::GlyphSize);
    toolBar->addWidget(m_addButton);
    toolBar->addAction(m_removeAction);
    toolBar->addAction(m_duplicateAction);
    auto *moveBar = new QToolBar(this);
    moveBar->setObjectName(QStringLiteral("moveStepToolBar"));
    moveBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    moveBar->setIconSize(ActionIconEngine::GlyphSize);
    moveBar->addAction(m_moveUpAction);
    moveBar->addAction(m_moveDownAction);
    moveBar->addAction(m_toggleEnabledAction);

    m_emptyPage->setObjectName(QStringLiteral("noStepPage"));
    m_emptyPage->setWordWrap(true);
    m_emptyPage->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_emptyPage->setMargin(12);
    m_details->setObjectName(QStringLiteral("stepDetails"));
    m_details->addWidget(m_emptyPage);
    // The detail editors are built when a step of their type is first shown: most workflows use two or
    // three types, and building all of them for both workflows was most of the studio's start-up time.
    m_editors = {nullptr, nullptr, nullptr, nullptr};
    auto *scroll = new VerticalScrollArea(m_details, this); // not a Tab stop: its fields are

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(toolBar);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(moveBar);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("workflowSplitter"));
    splitter->addWidget(listPane);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 1);
    // Dragged all the way, neither pane disappears: a collapsed step list was easy to make by accident
    // and hard to find again.
    splitter->setChildrenCollapsible(false);
    // The list pane starts wide enough for its tool bars' labels, so none hides in an overflow menu.
    splitter->setSizes({qMax(260, listPane->sizeHint().width()), 700});
    // Tab goes from the list to the step's fields (placed between them when its editor is built), then to
    // Add step: the list is where a keyboard user starts, and Insert there adds a step.
    QWidget::setTabOrder(m_view, m_addButton);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    const auto onCurrentStepChanged = [this] {
        updateDetail();
        Q_EMIT currentStepChanged(currentStep());
    };
    // The view moves its current row off a removed step while the step is being removed, when the row
    // numbers still count it; the step shown is settled once the removal is over (rowsRemoved).
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this, onCurrentStepChanged] {
                if (!m_model->isSyncing())
                    onCurrentStepChanged();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, onCurrentStepChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WorkflowEditor::updateActions);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &WorkflowEditor::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WorkflowEditor::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, onCurrentStepChanged);
    connect(m_document, &WorkspaceDocument::changed, this, &WorkflowEditor::onDocumentChanged);
    connect(m_document, &WorkspaceDocument::lastRunChanged, this, &WorkflowEditor::updateKnownNames);
    updateDetail();
}

void WorkflowEditor::setResource(int resource)
{
    if (resource == m_model->resource() && resource >= 0)
        return;
    m_model->setWorkflow(resource, m_workflow);
    if (m_model->rowCount() > 0)
        setCurrentStep(0);
    updateDetail();
}

int WorkflowEditor::resource() const
{
    return m_model->resource();
}

int WorkflowEditor::currentStep() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void WorkflowEditor::setCurrentStep(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_view->setCurrentIndex({});
        return;
    }
    m_view->setCurrentIndex(m_model->index(row));
}

StepEditor *WorkflowEditor::stepEditor(StepType type) const
{
    StepEditor *&editor = m_editors[int(type)];
    if (!editor) {
        switch (type) {
        case StepType::Form:
            editor = new FormStepEditor(m_document, m_details);
            break;
        case StepType::ApiRequest:
            editor = new ApiRequestStepEditor(m_document, m_details);
            break;
        case StepType::JavaScript:
            editor = new JavaScriptStepEditor(m_document, m_details);
            break;
        case StepType::DefineVariable:
            editor = new DefineVariableStepEditor(m_document, m_details);
            break;
        }
        editor->setObjectName(editorName(type));
        m_details->addWidget(editor);
        TabOrder::placeAfter(m_view, editor);
    }
    return editor;
}

StepEditor *WorkflowEditor::currentStepEditor() const
{
    auto *editor = qobject_cast<StepEditor *>(m_details->currentWidget());
    return editor && editor->isBound() ? editor : nullptr;
}

QAction *WorkflowEditor::addStepAction(StepType type) const
{
    return m_addActions.at(int(type));
}

QAction *WorkflowEditor::commandAction(Command command) const
{
    switch (command) {
    case Command::AddStep:
        return m_addStepAction;
    case Command::RemoveStep:
        return m_removeAction;
    case Command::DuplicateStep:
        return m_duplicateAction;
    case Command::MoveStepUp:
        return m_moveUpAction;
    case Command::MoveStepDown:
        return m_moveDownAction;
    case Command::ToggleStepEnabled:
        return m_toggleEnabledAction;
    }
    return nullptr;
}

QAction *WorkflowEditor::createCommandAction(Command command, QObject *owner)
{
    using Glyph = ActionIconEngine::Glyph;
    // The tool bars show the short label (the icon text), menus the whole one.
    QAction *action = nullptr;
    QString shortLabel;
    switch (command) {
    case Command::AddStep:
        action = StudioAction::create(owner, QStringLiteral("addStep"), tr("&Add Step"),
                                      tr("Add a step of a type picked from a menu (Insert in the step list)"),
                                      QKeySequence(Qt::Key_Insert), ActionIconEngine::icon(Glyph::Add));
        shortLabel = tr("Add step");
        break;
    case Command::RemoveStep:
        action = StudioAction::create(owner, QStringLiteral("removeStep"), tr("&Remove Step"),
                                      tr("Remove the selected step (Delete in the step list)"),
                                      QKeySequence::Delete, ActionIconEngine::icon(Glyph::Remove));
        shortLabel = tr("Remove");
        break;
    case Command::DuplicateStep:
        action = StudioAction::create(owner, QStringLiteral("duplicateStep"), tr("D&uplicate Step"),
                                      tr("Add a copy of the selected step after it"),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                      ActionIconEngine::icon(Glyph::Duplicate));
        shortLabel = tr("Duplicate");
        break;
    case Command::MoveStepUp:
        action =
            StudioAction::create(owner, QStringLiteral("moveStepUp"), tr("Move Step U&p"),
                                 tr("Run the selected step earlier (Ctrl+Up in the step list)"),
                                 QKeySequence(Qt::CTRL | Qt::Key_Up), ActionIconEngine::icon(Glyph::MoveUp));
        shortLabel = tr("Up");
        break;
    case Command::MoveStepDown:
        action = StudioAction::create(owner, QStringLiteral("moveStepDown"), tr("Move Step Do&wn"),
                                      tr("Run the selected step later (Ctrl+Down in the step list)"),
                                      QKeySequence(Qt::CTRL | Qt::Key_Down),
                                      ActionIconEngine::icon(Glyph::MoveDown));
        shortLabel = tr("Down");
        break;
    case Command::ToggleStepEnabled:
        action = StudioAction::create(
            owner, QStringLiteral("toggleStepEnabled"), tr("&Enabled"),
            tr("Disabled steps stay in the workflow, but runs skip them (Space in the step list)"),
            QKeySequence(Qt::Key_Space));
        action->setCheckable(true);
        shortLabel = tr("Enabled");
        break;
    }
    action->setIconText(shortLabel);
    return action;
}

void WorkflowEditor::showAddMenu()
{
    if (!m_addButton->isEnabled())
        return;
    m_addMenu->popup(m_addButton->mapToGlobal(QPoint(0, m_addButton->height())));
    m_addMenu->setActiveAction(m_addActions.constFirst());
}

int WorkflowEditor::addStep(StepType type)
{
    if (m_model->resource() < 0)
        return -1;
    // After the selected step, as editors insert (QA pass 40: always at the end, then moved up by
    // hand); at the end when none is.
    const int current = currentStep();
    const int row =
        m_document->addNewStep(m_model->resource(), m_workflow, type, current < 0 ? -1 : current + 1);
    setCurrentStep(row);
    // As an added resource does: the name selected, to be typed over, and Tab on through the new step.
    if (StepEditor *editor = currentStepEditor()) {
        editor->nameEdit()->setFocus(Qt::OtherFocusReason);
        editor->nameEdit()->selectAll();
    }
    return row;
}

void WorkflowEditor::removeCurrentStep()
{
    const int row = currentStep();
    if (row >= 0)
        m_document->removeStep(m_model->stepRef(row));
}

void WorkflowEditor::duplicateCurrentStep()
{
    const int row = currentStep();
    if (row >= 0)
        setCurrentStep(m_document->duplicateStep(m_model->stepRef(row)));
}

void WorkflowEditor::moveCurrentStep(int delta)
{
    const int row = currentStep();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    m_document->moveStep(m_model->stepRef(row), to);
    // The list keeps the moved row current; say so for the buttons.
    updateActions();
}

void WorkflowEditor::toggleCurrentStepEnabled()
{
    const int row = currentStep();
    if (row >= 0)
        m_document->setStepEnabled(m_model->stepRef(row),
                                   !stepEnabled(m_document->step(m_model->stepRef(row))));
}

void WorkflowEditor::focusStepInList(int step)
{
    setCurrentStep(step);
    m_view->setFocus(Qt::OtherFocusReason);
}

void WorkflowEditor::focusStepField(int step, const QString &field)
{
    setCurrentStep(step);
    if (StepEditor *editor = currentStepEditor())
        editor->focusField(field);
}

void WorkflowEditor::onDocumentChanged(const DocumentChange &change)
{
    if (m_model->resource() < 0)
        return;
    // Names earlier steps define, or the workspace variables, may have changed.
    if (change.kind == DocumentChange::Kind::WorkspaceChanged ||
        change.affectsWorkflow(m_model->resource(), m_workflow) ||
        (m_workflow == WorkflowKind::Refresh &&
         change.affectsWorkflow(m_model->resource(), WorkflowKind::Auth)))
        updateKnownNames();
    // A change of the whole resource (an undone restore, a reload) can put a step of another kind at the
    // selected row: its editor comes, as the list shows it (QA pass 47: the one shown stayed, greyed).
    const int row = currentStep();
    if (row >= 0 && change.affectsWorkflow(m_model->resource(), m_workflow)) {
        const StepRef ref = m_model->stepRef(row);
        if (m_document->isValidStep(ref) &&
            m_details->currentWidget() != stepEditor(AuthStudio::stepType(m_document->step(ref))))
            updateDetail();
    }
}

void WorkflowEditor::updateDetail()
{
    const int row = currentStep();
    if (row < 0) {
        m_emptyPage->setText(
            m_model->resource() < 0 ? QString()
                : m_model->rowCount() == 0
                ? tr("This workflow has no steps yet. Use Add step: a Form asks for credentials, an API "
                     "Request calls the login endpoint, JavaScript computes values, and Define "
                     "variable keeps the token for the resource's headers.")
                : tr("Select a step to edit it."));
        m_details->setCurrentWidget(m_emptyPage);
    } else {
        const StepRef ref = m_model->stepRef(row);
        StepEditor *editor = stepEditor(AuthStudio::stepType(m_document->step(ref)));
        editor->setStep(ref);
        m_details->setCurrentWidget(editor);
        updateKnownNames();
    }
    updateActions();
}

void WorkflowEditor::updateActions()
{
    const int row = currentStep();
    const bool bound = m_model->resource() >= 0;
    m_addButton->setEnabled(bound);
    m_addStepAction->setEnabled(bound);
    for (QAction *action : std::as_const(m_addActions))
        action->setEnabled(bound);
    m_removeAction->setEnabled(row >= 0);
    m_duplicateAction->setEnabled(row >= 0);
    m_moveUpAction->setEnabled(row > 0);
    m_moveDownAction->setEnabled(row >= 0 && row < m_model->rowCount() - 1);
    m_toggleEnabledAction->setEnabled(row >= 0);
    m_toggleEnabledAction->setChecked(row >= 0 && stepEnabled(m_document->step(m_model->stepRef(row))));
}

void WorkflowEditor::updateKnownNames()
{
    // The names known where the step is now, by the list's row: this runs on a document change before
    // the step editor has followed a moved step to its new place (and until then it isn't "bound").
    auto *editor = qobject_cast<StepEditor *>(m_details->currentWidget());
    const int row = currentStep();
    if (!editor || row < 0 || m_model->isSyncing())
        return;
    const StepRef ref = m_model->stepRef(row);
    if (m_document->isValidStep(ref) && AuthStudio::stepType(m_document->step(ref)) == editor->stepType())
        editor->setKnownNames(m_document->namesKnownAt(ref));
}

} // namespace AuthStudio
