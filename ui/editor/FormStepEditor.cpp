#include "FormStepEditor.h"

#include "ChoiceDelegate.h"
#include "FormFieldTableModel.h"
#include "format/WorkspaceValidator.h"
#include "widgets/ActionIconEngine.h"
#include "widgets/WrappingLabel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace AuthStudio {

FormStepEditor::FormStepEditor(WorkspaceDocument *document, QWidget *parent)
    : StepEditor(document, StepType::Form, parent)
    , m_model(new FormFieldTableModel(document, this))
    , m_view(new QTableView(this))
    , m_addButton(new QToolButton(this))
    , m_removeButton(new QToolButton(this))
    , m_hint(new QLabel(this))
    , m_keyProblem(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("formFields"));
    m_view->setAccessibleName(tr("Form fields"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(FormFieldTableModel::TypeColumn,
                                     new ChoiceDelegate(FormFieldTableModel::typeLabels(), m_view));
    // Key and label share the room; the type and the check box take what they need, so every column
    // stays in sight when the step pane is narrow (beside the Auth Login preview) and none is stretched
    // needlessly when it is wide.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(FormFieldTableModel::KeyColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FormFieldTableModel::LabelColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FormFieldTableModel::TypeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FormFieldTableModel::RequiredColumn, QHeaderView::ResizeToContents);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false);

    m_addButton->setObjectName(QStringLiteral("addFormField"));
    m_addButton->setText(tr("Add field"));
    m_addButton->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Add));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addButton->setToolTip(tr("Add a field to the form"));
    m_removeButton->setObjectName(QStringLiteral("removeFormField"));
    m_removeButton->setText(tr("Remove field"));
    m_removeButton->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Remove));
    m_removeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_removeButton->setToolTip(tr("Remove the selected field"));

    m_hint->setObjectName(QStringLiteral("formHint"));
    m_hint->setWordWrap(true);
    WrappingLabel::keepNarrow(m_hint);
    m_keyProblem->setObjectName(QStringLiteral("formFieldKeyProblem"));
    m_keyProblem->setWordWrap(true);
    WrappingLabel::keepNarrow(m_keyProblem);
    m_keyProblem->hide();

    auto *form = new QFormLayout;
    addNameRow(form, tr("Step name"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *fieldsLabel = new QLabel(tr("Fields the user fills in when the workflow runs:"), this);
    fieldsLabel->setWordWrap(true); // the step pane can be narrow beside the Auth Login preview
    layout->addWidget(fieldsLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_keyProblem);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);

    connect(m_addButton, &QToolButton::clicked, this, &FormStepEditor::addField);
    connect(m_removeButton, &QToolButton::clicked, this, &FormStepEditor::removeField);
}

void FormStepEditor::refresh(const Step &step)
{
    if (m_model->step() != stepRef())
        m_model->setStep(stepRef());
    const auto &form = std::get<FormStep>(step);
    // With no field there is nothing to read (QA pass 40: the hint named {{ form2.email }} all the same).
    m_hint->setText(
        form.fields.isEmpty()
            ? tr("This form has no fields: it asks nothing, and its OK only lets the run go on. Add "
                 "a field for each value to ask for.")
            : tr("Later steps read the values as {{ %1.%2 }}. Password fields are masked and never "
                 "saved.")
                  .arg(form.name, form.fields.first().key));
    // Flagged while editing, as a step name is: a run with such a form stops at it, and Save refuses it.
    QString problem;
    for (int i = 0; i < form.fields.size() && problem.isEmpty(); ++i) {
        const QString reason = WorkspaceValidator::formFieldKeyProblem(form, i);
        if (!reason.isEmpty())
            problem = tr("Field %1: %2.").arg(i + 1).arg(reason);
    }
    m_keyProblem->setText(problem);
    m_keyProblem->setVisible(!problem.isEmpty());
    m_view->viewport()->update(); // a row whose key was shared may be fine now
}

void FormStepEditor::focusField(const QString &field)
{
    // "field 2" names a row by its place (its key may be empty or shared); "field 'email'" by its key.
    static const QRegularExpression byPlace(QStringLiteral("^field (\\d+)$"));
    if (const QRegularExpressionMatch place = byPlace.match(field); place.hasMatch()) {
        const int row = place.captured(1).toInt() - 1;
        if (row >= 0 && row < m_model->rowCount()) {
            m_view->setCurrentIndex(m_model->index(row, FormFieldTableModel::KeyColumn));
            m_view->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    // The whole key: "field 'password'" must not select a field "pass" before it, nor one with no key.
    static const QRegularExpression byKey(QStringLiteral("^field '(.*)'$"));
    const QRegularExpressionMatch key = byKey.match(field);
    for (int row = 0; key.hasMatch() && row < m_model->rowCount(); ++row) {
        if (m_model->index(row, FormFieldTableModel::KeyColumn).data().toString() == key.captured(1)) {
            m_view->setCurrentIndex(m_model->index(row, FormFieldTableModel::KeyColumn));
            m_view->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    StepEditor::focusField(field);
}

void FormStepEditor::addField()
{
    const int row = m_model->rowCount();
    if (m_model->insertRows(row, 1)) {
        const QModelIndex key = m_model->index(row, FormFieldTableModel::KeyColumn);
        m_view->setCurrentIndex(key);
        m_view->edit(key);
    }
}

void FormStepEditor::removeField()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_model->removeRows(current.row(), 1);
}

} // namespace AuthStudio
