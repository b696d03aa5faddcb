#include "StudioSettings.h"

#include "document/Autosaver.h"

#include <QFileInfo>
#include <QSettings>

namespace AuthStudio {

namespace {

struct KeyInfo
{
    StudioSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

const KeyInfo &info(StudioSettings::Key key)
{
    static const KeyInfo table[] = {
        {StudioSettings::Key::RecentFiles, "files/recent", QStringList()},
        {StudioSettings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {StudioSettings::Key::WindowState, "window/state", QByteArray()},
        {StudioSettings::Key::AutosaveIntervalSeconds, "autosave/intervalSeconds",
         Autosaver::DefaultIntervalSeconds},
        {StudioSettings::Key::LastDirectory, "files/lastDirectory", QString()},
        {StudioSettings::Key::FileDialogGeometry, "fileDialog/geometry", QByteArray()},
        {StudioSettings::Key::FileDialogState, "fileDialog/state", QByteArray()},
        {StudioSettings::Key::ReloadChangedFiles, "files/reloadWhenChangedElsewhere", true},
    };
    return table[int(key)];
}

QString versionKey()
{
    return QStringLiteral("settingsVersion");
}

QString &fileOverride()
{
    static QString path;
    return path;
}

} // namespace

StudioSettings::StudioSettings()
    : m_settings(fileOverride().isEmpty() ? std::make_unique<QSettings>(QStringLiteral("AuthStudio"),
                                                                        QStringLiteral("Auth Studio"))
                                          : std::make_unique<QSettings>(fileOverride(), QSettings::IniFormat))
{
    // Version 1 is the first, so there is nothing to migrate yet; later versions migrate older keys here
    // before anything reads them. Reading alone never writes: a start that only reads (the first one
    // above all) creates no file and takes no file lock. The version goes in with the first value written.
}

StudioSettings::~StudioSettings() = default;

void StudioSettings::setFileOverride(const QString &path)
{
    fileOverride() = path;
}

QVariant StudioSettings::value(Key key) const
{
    const KeyInfo &entry = info(key);
    return m_settings->value(QLatin1String(entry.name), entry.defaultValue);
}

void StudioSettings::setValue(Key key, const QVariant &value)
{
    if (m_settings->value(versionKey(), 0).toInt() < Version)
        m_settings->setValue(versionKey(), Version);
    m_settings->setValue(QLatin1String(info(key).name), value);
}

QStringList StudioSettings::recentFiles() const
{
    return value(Key::RecentFiles).toStringList();
}

void StudioSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    setValue(Key::RecentFiles, files);
}

void StudioSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    setValue(Key::RecentFiles, files);
}

int StudioSettings::autosaveIntervalSeconds() const
{
    const int seconds = value(Key::AutosaveIntervalSeconds).toInt();
    return seconds > 0 ? seconds : Autosaver::DefaultIntervalSeconds;
}

bool StudioSettings::reloadsChangedFiles() const
{
    return value(Key::ReloadChangedFiles).toBool();
}

} // namespace AuthStudio
