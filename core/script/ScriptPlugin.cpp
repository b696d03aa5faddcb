#include "ScriptPlugin.h"

#include "ScriptBackendFactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QPluginLoader>

#include <atomic>

namespace AuthStudio {

namespace {

const QString PluginFileName = QStringLiteral(AUTHSTUDIO_JAVASCRIPT_PLUGIN_FILE);

QMutex loadMutex;
std::atomic<ScriptBackendFactory *> loadedFactory {nullptr};
QString loadError; // why loading failed, kept so later scripts fail the same way; guarded by loadMutex

// Loads the first plugin file that exists. Called with loadMutex held, until it succeeds or fails once.
ScriptBackendFactory *load(QString *error)
{
    // Never unloaded: the engines made from it live until the process ends.
    static QPluginLoader loader;
    QStringList tried;
    for (const QString &file : ScriptPlugin::candidates()) {
        if (!QFileInfo::exists(file)) {
            tried.append(QDir::toNativeSeparators(file));
            continue;
        }
        loader.setFileName(file);
        if (auto *factory = qobject_cast<ScriptBackendFactory *>(loader.instance()))
            return factory;
        // The first one found is the one meant for this program: don't fall back to another build.
        *error = QStringLiteral("The JavaScript engine (%1) can't be loaded: %2")
                     .arg(QDir::toNativeSeparators(file),
                          loader.errorString().isEmpty() ? QStringLiteral("not an Auth Studio plugin")
                                                         : loader.errorString());
        return nullptr;
    }
    *error = QStringLiteral("The JavaScript engine (%1) is not installed; looked in: %2")
                 .arg(PluginFileName, tried.join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace

QStringList ScriptPlugin::candidates()
{
    return candidates(QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString());
}

QStringList ScriptPlugin::candidates(const QString &programDir)
{
    QStringList files;
    if (!programDir.isEmpty()) {
        files.append(QDir::cleanPath(
            programDir + QStringLiteral("/../" AUTHSTUDIO_INSTALL_LIBDIR "/authstudio/") + PluginFileName));
    }
    const QString buildRoot = QDir::cleanPath(QStringLiteral(AUTHSTUDIO_BUILD_ROOT));
    const QString program = QDir::cleanPath(programDir);
    if (!programDir.isEmpty() && (program == buildRoot || program.startsWith(buildRoot + QLatin1Char('/'))))
        files.append(QStringLiteral(AUTHSTUDIO_BUILD_PLUGIN_DIR "/") + PluginFileName);
    files.append(QStringLiteral(AUTHSTUDIO_INSTALL_PLUGIN_DIR "/") + PluginFileName);
    files.removeDuplicates();
    return files;
}

ScriptBackendFactory *ScriptPlugin::factory(QString *error)
{
    if (ScriptBackendFactory *factory = loadedFactory.load(std::memory_order_acquire))
        return factory;
    QMutexLocker locker(&loadMutex);
    ScriptBackendFactory *factory = loadedFactory.load(std::memory_order_relaxed);
    if (!factory && loadError.isEmpty()) {
        factory = load(&loadError);
        loadedFactory.store(factory, std::memory_order_release);
    }
    if (!factory && error)
        *error = loadError;
    return factory;
}

bool ScriptPlugin::isLoaded()
{
    return loadedFactory.load(std::memory_order_acquire) != nullptr;
}

} // namespace AuthStudio
