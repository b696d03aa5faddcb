#include "PreferencesDialog.h"

#include "StudioSettings.h"
#include "widgets/NumberBox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace AuthStudio {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_autosaveInterval(new NumberBox(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_autosaveInterval->setObjectName(QStringLiteral("autosaveInterval"));
    m_autosaveInterval->setAccessibleName(tr("Back up unsaved changes every"));
    m_autosaveInterval->setRange(MinAutosaveSeconds, MaxAutosaveSeconds);
    m_autosaveInterval->setSuffix(tr(" s"));
    m_autosaveInterval->setToolTip(
        tr("Seconds between backups of a workspace with unsaved changes (%1 to %2)")
            .arg(MinAutosaveSeconds)
            .arg(MaxAutosaveSeconds));
    m_autosaveInterval->setValue(StudioSettings().autosaveIntervalSeconds());

    auto *note = new QLabel(tr("After a crash, the studio offers the backup back. Saving the workspace "
                               "deletes it. Secrets are never written to it."),
                            this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Back up unsaved changes &every"), m_autosaveInterval);
    form->addRow(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    StudioSettings().setValue(StudioSettings::Key::AutosaveIntervalSeconds, m_autosaveInterval->value());
    QDialog::accept();
}

} // namespace AuthStudio
