#include "DefineVariableStepEditor.h"

#include "script/ResourceReferences.h"
#include "script/Template.h"
#include "widgets/ExpressionLineEdit.h"
#include "widgets/WrappingLabel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>

namespace AuthStudio {

DefineVariableStepEditor::DefineVariableStepEditor(WorkspaceDocument *document, QWidget *parent)
    : StepEditor(document, StepType::DefineVariable, parent)
    , m_value(new ExpressionLineEdit(this))
    , m_secret(new QCheckBox(tr("Secret"), this))
    , m_hint(new QLabel(this))
{
    nameEdit()->setToolTip(tr("Resource headers and later steps use the variable as {{ NAME }}"));
    m_value->setObjectName(QStringLiteral("variableValue"));
    m_value->setAccessibleName(tr("Variable value"));
    m_value->setPlaceholderText(QStringLiteral("{{ http1.body.token }}"));
    m_value->setToolTip(tr("Usually an expression over an earlier step, e.g. {{ http1.body.token }}"));
    m_secret->setObjectName(QStringLiteral("variableSecret"));
    m_secret->setAccessibleName(tr("Secret variable"));
    m_secret->setToolTip(
        tr("Mask the value everywhere it is shown, and never save it in the workspace file"));
    m_hint->setObjectName(QStringLiteral("variableHint"));
    m_hint->setWordWrap(true);
    WrappingLabel::keepNarrow(m_hint);

    auto *form = new QFormLayout(this);
    addNameRow(form, tr("Variable name"));
    form->addRow(tr("Value"), m_value);
    form->addRow(QString(), m_secret);
    form->addRow(QString(), m_hint);

    connect(m_value, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Named after the variable: "Edit variable" is the workspace variables' (QA pass 35).
        if (!isBound())
            return;
        editStep<DefineVariableStep>(tr("Edit value of %1").arg(stepName(this->document()->step(stepRef()))),
                                     QStringLiteral("value"),
                                     [&text](DefineVariableStep &s) { s.value = text; });
    });
    connect(m_secret, &QCheckBox::toggled, this, [this](bool secret) {
        editStep<DefineVariableStep>(secret ? tr("Make variable secret") : tr("Make variable not secret"), {},
                                     [secret](DefineVariableStep &s) { s.secret = secret; });
    });
}

void DefineVariableStepEditor::refresh(const Step &step)
{
    const auto &variable = std::get<DefineVariableStep>(step);
    showText(m_value, variable.value);
    m_secret->setChecked(variable.secret);
    updateHint(variable);
}

void DefineVariableStepEditor::applyKnownNames(const KnownNames &names)
{
    m_value->setKnownNames(names);
}

void DefineVariableStepEditor::focusField(const QString &field)
{
    if (field.contains(QStringLiteral("value"), Qt::CaseInsensitive) || field.isEmpty())
        m_value->setFocus(Qt::OtherFocusReason);
    else
        StepEditor::focusField(field);
}

void DefineVariableStepEditor::updateHint(const DefineVariableStep &step)
{
    const auto parsed = Template::parse(step.value);
    if (step.secret && parsed->unclosedAt() >= 0) {
        // Being typed: "can't be a literal value" misled while the braces weren't closed yet (QA pass 35).
        m_hint->setText(tr("Close the {{ expression }} with }}: a secret is computed when the workflow runs, "
                           "never written into the workspace file."));
    } else if (step.secret && !step.value.isEmpty() && (!parsed->isValid() || !parsed->hasExpressions())) {
        m_hint->setText(tr("A secret can't be a literal value: it would be written into the workspace file. "
                           "Compute it with an {{ expression }}, e.g. from a Form field."));
    } else {
        QString hint = tr("Use it in resource headers and later steps as {{ %1 }}.").arg(step.name);
        // Said here rather than beside the box: a check box's text doesn't wrap in a narrow step pane.
        if (step.secret)
            hint += QLatin1Char(' ') + tr("It is secret: masked everywhere it is shown, and never saved.");
        // The other workflow keeps it with the other flag: masked after a login and not after a refresh,
        // or the reverse (QA pass 38: a refresh's new step is secret by default).
        const bool refresh = stepRef().workflow == WorkflowKind::Refresh;
        for (const ResourceReferences::SecretFlagMismatch &mismatch :
             ResourceReferences::secretFlagMismatches(document()->resource(stepRef().resource))) {
            if (mismatch.name != step.name || !step.enabled)
                continue;
            hint += QLatin1Char(' ') +
                (refresh
                     ? (mismatch.secretAfterLogin
                            ? tr("The auth workflow keeps it secret: after a refresh it is shown unmasked.")
                            : tr("The auth workflow keeps it not secret: it is masked only after a refresh."))
                     : (mismatch.secretAfterLogin
                            ? tr("The refresh workflow keeps it not secret: after a refresh it is shown "
                                 "unmasked.")
                            : tr("The refresh workflow keeps it secret: it is masked only after a "
                                 "refresh.")));
        }
        m_hint->setText(hint);
    }
}

} // namespace AuthStudio
