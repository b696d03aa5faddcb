// StudioSettings: the studio's settings as a typed registry: one enum of keys and one table of names and
// defaults, over QSettings (organization "AuthStudio", application "Auth Studio"). Settings carry a version
// for future migrations. Tests point it at a file of their own with setFileOverride().
#pragma once

#include <QStringList>
#include <QVariant>

#include <memory>

class QSettings;

namespace AuthStudio {

class StudioSettings
{
public:
    enum class Key {
        RecentFiles,
        WindowGeometry,
        WindowState,
        AutosaveIntervalSeconds,
        LastDirectory,
        FileDialogGeometry,
        FileDialogState,
        ReloadChangedFiles // reload a workspace with no unsaved changes when another program writes it
    };

    static constexpr int Version = 1;
    static constexpr int MaxRecentFiles = 8;

    StudioSettings();
    ~StudioSettings();

    // Tests: read and write this INI file instead of the user's settings; empty restores the default.
    static void setFileOverride(const QString &path);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    QStringList recentFiles() const;
    // Moves the file to the top of the list (absolute path), keeping at most MaxRecentFiles.
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    int autosaveIntervalSeconds() const;
    bool reloadsChangedFiles() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace AuthStudio
