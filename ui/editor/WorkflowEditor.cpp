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
#include "widgets/VerticalScrollArea.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
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
    , m_view(new QListView(this))
    , m_addButton(new QToolButton(this))
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

    auto *addMenu = new QMenu(m_addButton);
    for (StepType type : AllStepTypes) {
        QAction *action =
            StudioAction::create(this, addActionName(type), stepTypeLabel(type), addStepToolTip(type));
        connect(action, &QAction::triggered, this, [this, type] { addStep(type); });
        addMenu->addAction(action);
        m_addActions.append(action);
    }
    m_addButton->setObjectName(QStringLiteral("addStepButton"));
    m_addButton->setText(tr("Add step"));
    m_addButton->setToolTip(tr("Add a step at the end of the %1").arg(workflowLabel));
    m_addButton->setAccessibleName(tr("Add step"));
    m_addButton->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Add));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setMenu(addMenu);

    m_removeAction = StudioAction::create(this, QStringLiteral("removeStep"), tr("Remove"),
                                          tr("Remove the selected step (Delete)"), QKeySequence::Delete,
                                          ActionIconEngine::icon(ActionIconEngine::Glyph::Remove));
    m_duplicateAction = StudioAction::create(this, QStringLiteral("duplicateStep"), tr("Duplicate"),
                                             tr("Add a copy of the selected step after it"), {},
                                             ActionIconEngine::icon(ActionIconEngine::Glyph::Duplicate));
    m_moveUpAction = StudioAction::create(
        this, QStringLiteral("moveStepUp"), tr("Up"), tr("Run the selected step earlier (Ctrl+Up)"),
        QKeySequence(Qt::CTRL | Qt::Key_Up), ActionIconEngine::icon(ActionIconEngine::Glyph::MoveUp));
    m_moveDownAction = StudioAction::create(
        this, QStringLiteral("moveStepDown"), tr("Down"), tr("Run the selected step later (Ctrl+Down)"),
        QKeySequence(Qt::CTRL | Qt::Key_Down), ActionIconEngine::icon(ActionIconEngine::Glyph::MoveDown));
    m_toggleEnabledAction =
        StudioAction::create(this, QStringLiteral("toggleStepEnabled"), tr("Enabled"),
                             tr("Disabled steps stay in the workflow, but runs skip them"));
    m_toggleEnabledAction->setCheckable(true);
    // The shortcuts act on the list only, so Delete and Ctrl+Up keep their meaning in text fields.
    for (QAction *action : {m_removeAction, m_moveUpAction, m_moveDownAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
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
    auto *scroll = new VerticalScrollArea(m_details, this);

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
    // Tab follows the pane top to bottom: Add step, above the list, was built after it.
    QWidget::setTabOrder(m_addButton, m_view);
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

int WorkflowEditor::addStep(StepType type)
{
    if (m_model->resource() < 0)
        return -1;
    const int row = m_document->addNewStep(m_model->resource(), m_workflow, type);
    setCurrentStep(row);
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
