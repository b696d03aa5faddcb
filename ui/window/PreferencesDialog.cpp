#include "PreferencesDialog.h"

#include "StudioSettings.h"
#include "widgets/NumberBox.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace AuthStudio {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_autosaveInterval(new NumberBox(this))
    , m_reloadChangedFiles(
          new QCheckBox(tr("&Reload the workspace when another program changes its file"), this))
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

    m_reloadChangedFiles->setObjectName(QStringLiteral("reloadChangedFiles"));
    m_reloadChangedFiles->setToolTip(
        tr("Only while it has no unsaved changes; Undo takes a reload back. With unsaved changes, the "
           "studio asks."));
    m_reloadChangedFiles->setChecked(StudioSettings().reloadsChangedFiles());

    auto *form = new QFormLayout;
    form->addRow(tr("Back up unsaved changes &every"), m_autosaveInterval);
    form->addRow(note);
    form->addRow(m_reloadChangedFiles);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    StudioSettings settings;
    settings.setValue(StudioSettings::Key::AutosaveIntervalSeconds, m_autosaveInterval->value());
    settings.setValue(StudioSettings::Key::ReloadChangedFiles, m_reloadChangedFiles->isChecked());
    QDialog::accept();
}

} // namespace AuthStudio
