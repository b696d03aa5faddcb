// PreferencesDialog: the studio's preferences (Edit > Preferences): how often unsaved changes are backed
// up to the recovery file, and whether a workspace another program changes is reloaded by itself. It shows
// the saved settings and writes them only on OK, so Cancel changes nothing. MainWindow opens it window-modal
// with open() and applies the settings on accepted().
#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace AuthStudio {

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MinAutosaveSeconds = 5;
    static constexpr int MaxAutosaveSeconds = 3600;

    explicit PreferencesDialog(QWidget *parent = nullptr);

    QSpinBox *autosaveIntervalBox() const { return m_autosaveInterval; }
    QCheckBox *reloadChangedFilesBox() const { return m_reloadChangedFiles; }

    void accept() override;

private:
    QSpinBox *m_autosaveInterval;
    QCheckBox *m_reloadChangedFiles;
};

} // namespace AuthStudio
