#include "FormDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace AuthStudio {

namespace {

QString fieldLabel(const FormField &field)
{
    return field.label.isEmpty() ? field.key : field.label;
}

} // namespace

FormDialog::FormDialog(const FormStep &step, QWidget *parent, const QString &context)
    : QDialog(parent)
    , m_step(step)
    , m_fieldArea(new QScrollArea(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("formDialog"));
    setWindowTitle(step.name);
    setAccessibleName(tr("Form %1").arg(step.name));

    // The fields scroll: a form of many fields (or long labels) was taller than the screen, its buttons
    // off it (QA pass 35).
    auto *fields = new QWidget(m_fieldArea);
    auto *form = new QFormLayout(fields);
    form->setContentsMargins(0, 0, 0, 0);
    const int character = fontMetrics().averageCharWidth();
    bool anyRequired = false;
    for (const FormField &field : step.fields) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("field_") + field.key);
        edit->setAccessibleName(fieldLabel(field));
        // Wide enough for an email address and its placeholder, not just the few characters the
        // layout would give it by default.
        edit->setMinimumWidth(edit->fontMetrics().averageCharWidth() * 32);
        switch (field.type) {
        case FormField::Type::Password:
            edit->setEchoMode(QLineEdit::Password);
            // Keeps the value out of input-method dictionaries and predictive text.
            edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
            edit->setToolTip(tr("%1 (hidden while you type; masked in the run log)").arg(fieldLabel(field)));
            break;
        case FormField::Type::Email:
            edit->setInputMethodHints(Qt::ImhEmailCharactersOnly);
            edit->setPlaceholderText(tr("name@example.com"));
            edit->setToolTip(tr("%1: an email address").arg(fieldLabel(field)));
            break;
        case FormField::Type::Text:
            edit->setToolTip(fieldLabel(field));
            break;
        }
        anyRequired = anyRequired || field.required;
        const QString label = field.required ? tr("%1 *").arg(fieldLabel(field)) : fieldLabel(field);
        auto *labelWidget = new QLabel(label, this);
        labelWidget->setBuddy(edit);
        // A long label wraps rather than widening the dialog past the screen; a short one never does (a
        // wrapping label takes the least width the form leaves it, and "Password *" broke in two).
        if (labelWidget->fontMetrics().horizontalAdvance(label) > character * 36) {
            labelWidget->setWordWrap(true);
            labelWidget->setFixedWidth(character * 36);
            // A word longer than a line wraps too, where it reaches the edge (QA pass 40: it was cut
            // mid-letter, the rest unreadable): a zero-width space offers a break every so often.
            static const QRegularExpression longWord(QStringLiteral("(\\S{30})(?=\\S)"));
            QString wrapped = label;
            wrapped.replace(longWord, QStringLiteral("\\1\u200B"));
            labelWidget->setText(wrapped);
            labelWidget->setToolTip(label);
        }
        form->addRow(labelWidget, edit);
        m_edits.append(edit);
        connect(edit, &QLineEdit::textChanged, this, &FormDialog::updateState);
        // Enter in an incomplete form moves on to the field that needs attention; in a complete form the
        // dialog's default button takes it and submits.
        connect(edit, &QLineEdit::returnPressed, this, &FormDialog::focusNextProblem);
    }
    // A form with no fields showed an empty box (QA pass 42): it says what OK does.
    if (step.fields.isEmpty()) {
        auto *nothing =
            new QLabel(tr("This form asks nothing: OK lets the run go on, Cancel stops it."), fields);
        nothing->setObjectName(QStringLiteral("formAsksNothing"));
        nothing->setWordWrap(true);
        form->addRow(nothing);
    }

    m_message->setObjectName(QStringLiteral("formMessage"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Form status"));
    if (anyRequired)
        m_message->setText(tr("* required"));

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setDefault(true);
    ok->setToolTip(tr("Submit the form and continue the run (Enter)"));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setToolTip(tr("Cancel the run (Esc)"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);

    m_fieldArea->setObjectName(QStringLiteral("formFields"));
    m_fieldArea->setWidget(fields);
    m_fieldArea->setWidgetResizable(true);
    m_fieldArea->setFrameShape(QFrame::NoFrame);
    m_fieldArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As tall as the fields need, up to what the screen leaves for the rest of the dialog.
    const QScreen *screen = parent ? parent->screen() : this->screen();
    const int screenHeight = screen ? screen->availableGeometry().height() : 800;
    m_fieldArea->setMinimumWidth(fields->sizeHint().width() +
                                 m_fieldArea->verticalScrollBar()->sizeHint().width());
    m_fieldArea->setMinimumHeight(qMin(fields->sizeHint().height(), screenHeight * 6 / 10));

    auto *layout = new QVBoxLayout(this);
    if (!context.isEmpty()) {
        auto *asking = new QLabel(context, this);
        asking->setObjectName(QStringLiteral("formContext"));
        asking->setTextFormat(Qt::PlainText);
        asking->setWordWrap(true);
        layout->addWidget(asking);
    }
    layout->addWidget(m_fieldArea, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    if (!m_edits.isEmpty())
        m_edits.first()->setFocus();
    updateState();
}

QJsonObject FormDialog::values() const
{
    QJsonObject result;
    for (qsizetype i = 0; i < m_edits.size(); ++i)
        result.insert(m_step.fields.at(i).key, m_edits.at(i)->text());
    return result;
}

QLineEdit *FormDialog::fieldEdit(const QString &key) const
{
    for (qsizetype i = 0; i < m_edits.size(); ++i) {
        if (m_step.fields.at(i).key == key)
            return m_edits.at(i);
    }
    return nullptr;
}

bool FormDialog::looksLikeEmail(const QString &text)
{
    // Deliberately light: one '@' with something on both sides and a dot in the domain. The server has
    // the final word; this only catches typos such as a missing '@'.
    static const QRegularExpression pattern(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)"));
    return pattern.match(text.trimmed()).hasMatch();
}

QString FormDialog::fieldProblem(int fieldIndex) const
{
    const FormField &field = m_step.fields.at(fieldIndex);
    const QString text = m_edits.at(fieldIndex)->text();
    if (text.isEmpty())
        return field.required ? tr("%1 is required").arg(fieldLabel(field)) : QString();
    if (field.type == FormField::Type::Email && !looksLikeEmail(text))
        return tr("%1 doesn't look like an email address").arg(fieldLabel(field));
    return {};
}

QString FormDialog::problem() const
{
    for (int i = 0; i < int(m_edits.size()); ++i) {
        const QString text = fieldProblem(i);
        if (!text.isEmpty())
            return text;
    }
    return {};
}

void FormDialog::updateState()
{
    const QString text = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
    // Only say what is wrong about fields people have typed in; untouched required fields are marked '*'.
    QString shown;
    for (int i = 0; i < int(m_edits.size()) && shown.isEmpty(); ++i) {
        if (!m_edits.at(i)->text().isEmpty() || m_edits.at(i)->isModified())
            shown = fieldProblem(i);
    }
    m_message->setText(shown.isEmpty() && !text.isEmpty() ? tr("* required") : shown);
}

void FormDialog::focusNextProblem()
{
    for (int i = 0; i < int(m_edits.size()); ++i) {
        const QString text = fieldProblem(i);
        if (!text.isEmpty()) {
            m_message->setText(text);
            m_edits.at(i)->setFocus();
            m_fieldArea->ensureWidgetVisible(m_edits.at(i));
            return;
        }
    }
}

void FormDialog::accept()
{
    // OK is disabled while something is missing, but accept() can still be called directly.
    if (!problem().isEmpty()) {
        focusNextProblem();
        return;
    }
    QDialog::accept();
}

} // namespace AuthStudio
