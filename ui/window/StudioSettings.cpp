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
    };
    return table[int(key)];
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
    // Version 1 is the first; later versions migrate older keys here before anything reads them.
    if (m_settings->value(QStringLiteral("settingsVersion"), 0).toInt() < Version)
        m_settings->setValue(QStringLiteral("settingsVersion"), Version);
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

} // namespace AuthStudio
