#include "FileChangeBar.h"

#include "widgets/StudioColors.h"
#include "widgets/WrappingLabel.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace AuthStudio {

FileChangeBar::FileChangeBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new WrappingLabel(this))
    , m_action(new QPushButton(this))
    , m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("fileChangeBar"));
    setAccessibleName(tr("Workspace file changed"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("fileChangeText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_action->setObjectName(QStringLiteral("fileChangeAction"));
    m_dismiss->setObjectName(QStringLiteral("fileChangeDismiss"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this message and keep working on what is shown"));
    m_dismiss->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        const Action action = m_actionKind;
        hide();
        if (action == Action::Reload)
            Q_EMIT reloadRequested();
        else if (action == Action::Save)
            Q_EMIT saveRequested();
    });
    connect(m_dismiss, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void FileChangeBar::showChanged(const QString &fileName, bool unsavedChanges)
{
    present(
        unsavedChanges
            ? tr("Another program changed \u201C%1\u201D. Reload shows its version in place of your unsaved "
                 "changes (Undo goes back to your version, without its changes); saving yours overwrites "
                 "its changes.")
                  .arg(fileName)
            : tr("Another program changed \u201C%1\u201D.").arg(fileName),
        Action::Reload, unsavedChanges);
}

void FileChangeBar::showReloaded(const QString &fileName)
{
    present(tr("Another program changed \u201C%1\u201D: reloaded. Undo takes the change back.").arg(fileName),
            Action::None, false);
}

void FileChangeBar::showRemoved(const QString &fileName)
{
    present(tr("\u201C%1\u201D was deleted or moved by another program. Save writes it again.").arg(fileName),
            Action::Save, true);
}

void FileChangeBar::showReloadFailed(const QString &fileName, const QString &error)
{
    present(tr("Another program changed \u201C%1\u201D, but it can't be reloaded: %2").arg(fileName, error),
            Action::Reload, true);
}

QString FileChangeBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void FileChangeBar::present(const QString &text, Action action, bool warning)
{
    m_actionKind = action;
    m_text->setText(text);
    m_action->setVisible(action != Action::None);
    // No Alt+letter keys: in a strip above the editors every letter is a menu's or a field label's (QA
    // passes 44 and 45: Alt+R opened the Resource menu, Alt+A went to Authentication). What the buttons do
    // has keys of its own, given in their tooltips: File › Reload from Disk's and Save's.
    if (action == Action::Reload) {
        m_action->setText(tr("Reload"));
        m_action->setToolTip(
            tr("Show the workspace as the file holds it now (Undo goes back); also File › "
               "Reload from Disk, %1")
                .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    } else if (action == Action::Save) {
        m_action->setText(tr("Save"));
        m_action->setToolTip(tr("Write the workspace to the file again (%1)")
                                 .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    }
    m_dismiss->setText(action == Action::None ? tr("OK") : tr("Dismiss"));
    // Tinted from the palette's own colours, as the Test panel's notification is: readable in light and
    // dark themes.
    QPalette palette = parentWidget() ? parentWidget()->palette() : this->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor tint = warning ? StudioColors::warning(palette) : palette.color(QPalette::Highlight);
    const auto mix = [](int a, int b) { return (a * 3 + b) / 4; };
    palette.setColor(
        QPalette::Window,
        QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()), mix(base.blue(), tint.blue())));
    setPalette(palette);
    show();
}

} // namespace AuthStudio
