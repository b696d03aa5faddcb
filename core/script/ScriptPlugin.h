// ScriptPlugin: finds and loads the JavaScript engine plugin (authstudio-javascript), once per process.
// It is looked for next to an installed program (../<libdir>/authstudio), in the build tree it was built
// in (only by a program running from that tree), and in the installation's library folder, in that order.
#pragma once

#include <QString>
#include <QStringList>

namespace AuthStudio {

class ScriptBackendFactory;

class ScriptPlugin
{
public:
    // The loaded plugin's factory, or null with the reason in `error` (which files were tried, and why
    // the last one could not be loaded). Thread-safe; the first call loads it.
    static ScriptBackendFactory *factory(QString *error);
    // Whether the plugin has been loaded (by any ScriptEngine of this process).
    static bool isLoaded();
    // The files tried, in order, by this program.
    static QStringList candidates();
    // The same for a program in `programDir`. An installed program never looks in the build tree: its
    // path (/tmp/..., /build/...) may be one another user can create, with a plugin of theirs in it (QA
    // pass 40 found installed binaries loading the plugin from there first).
    static QStringList candidates(const QString &programDir);
};

} // namespace AuthStudio
