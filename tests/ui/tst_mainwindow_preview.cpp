// The Auth Login preview inside the studio: the dock appears from the View menu, follows the selected
// resource, and logs in, queries and logs out against the demo API the studio starts.
#include "demo/DemoServer.h"
#include "document/DemoWorkspace.h"
#include "document/StepRef.h"
#include "document/WorkspaceDocument.h"
#include "editor/ResourceEditor.h"
#include "model/ApiRequestStep.h"
#include "model/Resource.h"
#include "net/QueryClient.h"
#include "preview/AuthLoginPreview.h"
#include "run/DialogPrompter.h"
#include "session/SessionManager.h"
#include "widgets/ElidedLabel.h"
#include "window/FileDialog.h"
#include "window/MainWindow.h"
#include "window/MessagePrompt.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWindow>

#include <algorithm>

using namespace AuthStudio;

namespace {

// The next login form the studio shows is answered with the demo API's account.
void answerTheLoginFormAsTheDemoUser()
{
    DialogPrompter::setNextAnswer(QJsonObject {{QStringLiteral("email"), DemoServer::demoEmail()},
                                               {QStringLiteral("password"), DemoServer::demoPassword()}});
}

// Shows the window on the demo workspace against the built-in demo API; false if it never opened.
bool showOnTheDemo(MainWindow &window)
{
    window.show();
    window.start(QString());
    return QTest::qWaitFor([&window] { return window.document()->resourceCount() == 2; });
}

// Shows "Demo login" (whose login test says "not logged in" on opening) in the preview, which prompts as an
// app would; the form is answered as the demo user. The preview, or null if it never logged in.
AuthLoginPreview *openDemoLoginLoggedIn(MainWindow &window)
{
    window.setCurrentResource(1);
    answerTheLoginFormAsTheDemoUser();
    window.previewDock()->show();
    auto *preview = window.findChild<AuthLoginPreview *>();
    if (!preview || !QTest::qWaitFor([preview] { return preview->isLoggedIn(); }))
        return nullptr;
    return preview;
}

// Whether a dialog (a login form, a message) is on screen.
bool aDialogIsOpen()
{
    const QWidgetList topLevels = QApplication::topLevelWidgets();
    return std::any_of(topLevels.cbegin(), topLevels.cend(), [](QWidget *widget) {
        return widget->isVisible() && qobject_cast<QDialog *>(widget);
    });
}

// Presses the preview's Auth Login, and answers its form, as a user would.
void logInAsTheDemoUser(AuthLoginPreview *preview)
{
    answerTheLoginFormAsTheDemoUser();
    QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("authLoginButton")), Qt::LeftButton);
}

// Whether any line of the preview's auth event log holds `part`.
bool eventLogHas(AuthLoginPreview *preview, const QString &part)
{
    const auto *log = preview->findChild<QListWidget *>(QStringLiteral("eventLog"));
    for (int i = 0; i < log->count(); ++i) {
        if (log->item(i)->text().contains(part))
            return true;
    }
    return false;
}

// Sends `path` from the preview's query box and waits for the answer.
bool sendFromThePreview(AuthLoginPreview *preview, const QString &path)
{
    preview->findChild<QLineEdit *>(QStringLiteral("queryPath"))->setText(path);
    QSignalSpy finished(preview, &AuthLoginPreview::queryFinished);
    QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    return finished.wait(20000);
}

QString viewText(AuthLoginPreview *preview, const QString &name)
{
    return preview->findChild<QPlainTextEdit *>(name)->toPlainText();
}

} // namespace

class TestMainWindowPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); // no keychain: sessions stay in memory
    }
    void cleanup() { DialogPrompter::clearNextAnswer(); }

    void previewFollowsTheResourceAndLogsIn()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        QVERIFY(!window.previewDock()->isVisible());
        QVERIFY(!window.findChild<AuthLoginPreview *>()); // not built until shown

        window.setCurrentResource(1); // "Demo login"
        window.previewDock()->show();
        AuthLoginPreview *preview = window.findChild<AuthLoginPreview *>();
        QVERIFY(preview);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login"));

        logInAsTheDemoUser(preview);
        QTRY_VERIFY(preview->isLoggedIn());
        QCOMPARE(window.demoServer()->counters().logins, 1);

        preview->findChild<QLineEdit *>(QStringLiteral("queryPath"))->setText(QStringLiteral("/me"));
        QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
        QTRY_COMPARE(window.demoServer()->counters().meRequests, 1);
        QTRY_VERIFY(!preview->isQueryRunning());

        // Revealed secrets are masked again when the preview shows another resource.
        auto *reveal = preview->findChild<QCheckBox *>(QStringLiteral("revealSecrets"));
        QVERIFY(reveal);
        reveal->setChecked(true);
        window.setCurrentResource(0); // "Seed walkthrough" is custom auth too: the preview follows
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        QVERIFY(!reveal->isChecked());

        // File > New, and a resource of the same name there (it could point at any server): it has no
        // session. Unsaved workspaces used to share one key, "unsaved", so it was sent the demo's token.
        const Resource demoLogin = window.document()->resource(1);
        const QString demoWorkspace = window.sessionWorkspaceId();
        window.newWorkspace();
        QCOMPARE(window.document()->resourceCount(), 0);
        QVERIFY(window.sessionWorkspaceId() != demoWorkspace);
        window.setCurrentResource(window.document()->addResource(demoLogin));
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login"));
        QTRY_VERIFY(preview->findChild<QPushButton *>(QStringLiteral("authLoginButton"))->isEnabled());
        QVERIFY(!preview->isLoggedIn());
        preview->findChild<QLineEdit *>(QStringLiteral("queryPath"))->setText(QStringLiteral("/me"));
        QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
        QTRY_VERIFY(!preview->isQueryRunning());
        QCOMPARE(window.demoServer()->counters().meRequests, 1); // it went nowhere: login first
        QVERIFY(!preview->isLoggedIn());
        window.document()->undoStack()->setClean(); // nothing to ask about on close
    }

    // Sessions are kept by resource name: while two resources share one, the preview shows neither, or it
    // would send one's token through the other's definition. It says why, as it does for a resource
    // without custom auth.
    // Ctrl+L logs in from the window with the preview floating as with it docked (QA pass 44: nothing
    // happened, and what the user typed next for the form went into the window's fields). Hidden, the
    // preview leaves the key alone.
    void authLoginKeyWorksWithThePreviewFloating()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        window.setCurrentResource(0); // no login test: opening the preview doesn't prompt
        window.previewDock()->show();
        auto *preview = window.findChild<AuthLoginPreview *>();
        QVERIFY(preview);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        window.previewDock()->setFloating(true);
        QVERIFY(QTest::qWaitForWindowExposed(window.previewDock()));
        window.windowHandle()->requestActivate();
        QTRY_COMPARE(QApplication::activeWindow(), &window); // not the floating preview
        auto *resources = window.findChild<QListView *>(QStringLiteral("resourceList"));
        QVERIFY(resources);
        resources->setFocus();
        answerTheLoginFormAsTheDemoUser();
        QTest::keyClick(resources, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(preview->isLoggedIn());

        // Docked again it works as before; hidden, the key does nothing.
        window.previewDock()->setFloating(false);
        QVERIFY(!window.actions().contains(preview->loginAction()));
        window.previewDock()->hide();
        const int logins = window.demoServer()->counters().logins;
        window.windowHandle()->requestActivate();
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        resources->setFocus();
        QTest::keyClick(resources, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(!aDialogIsOpen());
        QCOMPARE(window.demoServer()->counters().logins, logins);
    }

    // Floating or docking the preview moves it; it doesn't open it again, so it doesn't prompt again (QA
    // pass 47: the login form the user had just cancelled came back when they floated the dock).
    void floatingThePreviewDoesntPromptAgain()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        window.setCurrentResource(1); // "Demo login": opening the preview on it prompts
        DialogPrompter::setNextAnswer(std::nullopt); // the user presses Esc
        window.previewDock()->show();
        auto *preview = window.findChild<AuthLoginPreview *>();
        QVERIFY(preview);
        auto *status = preview->findChild<QLabel *>(QStringLiteral("authStatus"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("cancelled")), qPrintable(status->text()));
        window.setCurrentResource(0);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        window.setCurrentResource(1);
        QTRY_VERIFY2(status->text().contains(QStringLiteral("An app would ask")), qPrintable(status->text()));

        window.previewDock()->setFloating(true);
        QVERIFY(QTest::qWaitForWindowExposed(window.previewDock()));
        window.previewDock()->setFloating(false);
        QCoreApplication::processEvents(); // what the move queued runs: a check would ask at once
        QVERIFY(!aDialogIsOpen());
        QVERIFY2(status->text().contains(QStringLiteral("An app would ask")), qPrintable(status->text()));
        QCOMPARE(window.demoServer()->counters().logins, 0);

        // Closed and shown again, it opens anew, and asks.
        window.previewDock()->hide();
        QCoreApplication::processEvents(); // the user's next click comes in a later event
        DialogPrompter::setNextAnswer(std::nullopt);
        window.previewDock()->show();
        QTRY_VERIFY2(status->text().contains(QStringLiteral("cancelled")), qPrintable(status->text()));
    }

    // At 1280x800, with the preview docked at its first width, what it says on opening is read whole,
    // without hovering for the tooltip (QA pass 47: cut after "the session isn't checked on opening: the").
    void theOpeningStatusReadsWholeAt1280x800()
    {
        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(showOnTheDemo(window));
        window.setCurrentResource(0); // "Seed walkthrough": no login test URL
        window.previewDock()->show();
        auto *preview = window.findChild<AuthLoginPreview *>();
        QVERIFY(preview);
        auto *status = preview->findChild<ElidedLabel *>(QStringLiteral("authStatus"));
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("No login test URL")),
                     qPrintable(status->text()));
        QTRY_VERIFY2(status->width() > 0 && !status->isElided(),
                     qPrintable(QStringLiteral("%1 px: %2").arg(status->width()).arg(status->text())));

        DialogPrompter::setNextAnswer(std::nullopt);
        window.setCurrentResource(1); // "Demo login": not logged in, and selecting it doesn't ask
        QTRY_VERIFY2(status->text().contains(QStringLiteral("An app would ask")), qPrintable(status->text()));
        QVERIFY2(!status->isElided(),
                 qPrintable(QStringLiteral("%1 px: %2").arg(status->width()).arg(status->text())));
        QVERIFY(!aDialogIsOpen());
    }

    void resourcesSharingANameArentPreviewed()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        // The opening check prompts, as an app does, and logs in.
        AuthLoginPreview *preview = openDemoLoginLoggedIn(window);
        QVERIFY(preview);
        auto *status = preview->findChild<QLabel *>(QStringLiteral("authStatus"));
        auto *login = preview->findChild<QPushButton *>(QStringLiteral("authLoginButton"));

        window.findChild<QAction *>(QStringLiteral("actionDuplicateResource"))->trigger();
        QTRY_COMPARE(window.currentResource(), 2);
        auto *name = window.findChild<QLineEdit *>(QStringLiteral("resourceName"));
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Demo login"));
        QCOMPARE(window.document()->resource(2).name, QStringLiteral("Demo login"));
        QTRY_VERIFY2(
            status->text().contains(QStringLiteral("Another resource is also named \u201CDemo login\u201D")),
            qPrintable(status->text()));
        QVERIFY(!preview->isLoggedIn());
        QVERIFY(!login->isEnabled());
        // The original shares the name too.
        window.setCurrentResource(1);
        QTRY_VERIFY(status->text().contains(QStringLiteral("Another resource is also named")));
        QVERIFY(!preview->isLoggedIn());
        // A name of its own again: the original's session is there as it was.
        window.setCurrentResource(2);
        QTest::keyClicks(name, QStringLiteral(" B"));
        window.setCurrentResource(1);
        QTRY_VERIFY(preview->isLoggedIn());
        QVERIFY(login->isEnabled());

        // A resource without custom auth says so too.
        window.findChild<QAction *>(QStringLiteral("actionAddResource"))->trigger();
        QTRY_COMPARE(window.currentResource(), 3);
        QVERIFY(window.document()->resource(3).authMethod != Resource::AuthMethod::Custom);
        QTRY_VERIFY2(status->text().contains(QStringLiteral("doesn't use custom auth")),
                     qPrintable(status->text()));
        QVERIFY(!login->isEnabled());
    }

    // Typing in the shown resource's fields, its name above all (which keys its session), must not log in
    // again, check the login anew or open a login form at every keystroke.
    void editingTheResourceNeverPrompts()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        // The opening check prompts, as an app does, and logs in.
        AuthLoginPreview *preview = openDemoLoginLoggedIn(window);
        QVERIFY(preview);
        QCOMPARE(window.demoServer()->counters().logins, 1);

        auto *name = window.findChild<QLineEdit *>(QStringLiteral("resourceName"));
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, QStringLiteral(" v2"));
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v2"));
        QCOMPARE(window.document()->resource(1).name, QStringLiteral("Demo login v2"));
        QVERIFY(name->hasFocus());
        QVERIFY(!aDialogIsOpen());
        QVERIFY(preview->findChild<QLabel *>(QStringLiteral("authStatus"))
                    ->text()
                    .contains(QStringLiteral("edited")));
        QCOMPARE(window.demoServer()->counters().logins, 1);
        // The session is the resource's, not its name's: still logged in under the new name, and not
        // under the old one any more.
        auto *sessions = window.findChild<SessionManager *>();
        const auto key = [](const QString &workspace, const QString &resource) {
            return SessionManager::sessionKey(SessionManager::defaultProfile(), workspace, resource);
        };
        QVERIFY(preview->isLoggedIn());
        const QString unsavedId = window.sessionWorkspaceId();
        QVERIFY(unsavedId.startsWith(QStringLiteral("unsaved-")));
        QVERIFY(sessions->cached(key(unsavedId, QStringLiteral("Demo login v2"))));
        QVERIFY(!sessions->cached(key(unsavedId, QStringLiteral("Demo login"))));
        // Undo takes the name back, and the session with it.
        window.document()->undoStack()->undo();
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login"));
        QVERIFY(preview->isLoggedIn());
        window.document()->undoStack()->redo();
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v2"));
        QVERIFY(preview->isLoggedIn());

        // Named as another resource for a moment (the name field flags it), the session stays where it
        // was: under the other resource's name it would be that one's.
        const auto rename = [&window](int index, const QString &newName, const QString &mergeKey = {}) {
            Resource renamed = window.document()->resource(index);
            renamed.name = newName;
            window.document()->setResource(index, renamed, QStringLiteral("Rename resource"), mergeKey);
        };
        const auto unsavedKey = [&key, &unsavedId](const QString &resource) {
            return key(unsavedId, resource);
        };
        rename(1, QStringLiteral("Seed walkthrough"));
        QVERIFY(!sessions->cached(unsavedKey(QStringLiteral("Seed walkthrough"))));
        window.document()->undoStack()->undo();
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v2"));
        QVERIFY(preview->isLoggedIn());
        // Typing through another resource's name ("Demo" on the way to "Demo 2") parks the session under
        // the last name of its own, and it arrives with the next one.
        rename(0, QStringLiteral("Demo"));
        for (const QString &typed : {QStringLiteral("Dem"), QStringLiteral("Demo"), QStringLiteral("Demo 2")})
            rename(1, typed, QStringLiteral("name"));
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo 2"));
        QVERIFY(preview->isLoggedIn());
        QVERIFY(sessions->cached(unsavedKey(QStringLiteral("Demo 2"))));
        QVERIFY(!sessions->cached(unsavedKey(QStringLiteral("Dem"))));
        // A parked session is never another resource's: named "Dem" while it sits there, the other
        // resource takes nothing, and the parked session is gone (log in again).
        rename(1, QStringLiteral("Demo"));
        rename(0, QStringLiteral("Demo 2"));
        QVERIFY(!sessions->cached(unsavedKey(QStringLiteral("Demo 2"))));
        rename(1, QStringLiteral("Demo login v2"));
        rename(0, QStringLiteral("Seed walkthrough"));
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v2"));
        QVERIFY(!preview->isLoggedIn());
        // Logged in again for what follows.
        logInAsTheDemoUser(preview);
        QTRY_VERIFY(preview->isLoggedIn());

        // Saved as a file, the workspace keeps its sessions: they follow it to the file's key.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("renamed.authstudio.json"));
        FileDialog::setNextPath(path);
        window.findChild<QAction *>(QStringLiteral("actionSaveAs"))->trigger();
        QTRY_COMPARE(window.document()->filePath(), path);
        QVERIFY(preview->isLoggedIn());
        QVERIFY(preview->findChild<QLabel *>(QStringLiteral("authStatus"))
                    ->text()
                    .contains(QStringLiteral("saved")));
        QVERIFY(sessions->cached(key(QFileInfo(path).canonicalFilePath(), QStringLiteral("Demo login v2"))));
        QVERIFY(!sessions->cached(key(unsavedId, QStringLiteral("Demo login v2"))));
        QCOMPARE(window.demoServer()->counters().logins, 2);

        // Selecting another resource and coming back opens it again, with its check.
        window.setCurrentResource(0);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        window.document()->undoStack()->setClean();
    }

    // QA pass 39: a resource renamed and the change discarded left the session under the new name, so the
    // saved resource (the old name) had none, and the keychain kept one no file would use. Discard goes
    // back to the saved state edit by edit, and the session goes back with the name.
    void discardingARenameTakesTheSessionBack()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        AuthLoginPreview *preview = openDemoLoginLoggedIn(window);
        QVERIFY(preview);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("discard.authstudio.json"));
        FileDialog::setNextPath(path);
        window.findChild<QAction *>(QStringLiteral("actionSaveAs"))->trigger();
        QTRY_COMPARE(window.document()->filePath(), path);
        auto *sessions = window.findChild<SessionManager *>();
        const auto key = [&path](const QString &resource) {
            return SessionManager::sessionKey(SessionManager::defaultProfile(),
                                              QFileInfo(path).canonicalFilePath(), resource);
        };
        QTRY_VERIFY(sessions->cached(key(QStringLiteral("Demo login"))));

        Resource renamed = window.document()->resource(1);
        renamed.name = QStringLiteral("Demo login v2");
        window.document()->setResource(1, renamed, QStringLiteral("Rename resource"));
        QTRY_VERIFY(sessions->cached(key(QStringLiteral("Demo login v2"))));
        QVERIFY(!sessions->cached(key(QStringLiteral("Demo login"))));

        MessagePrompt::setNextAnswer(QMessageBox::Discard);
        window.findChild<QAction *>(QStringLiteral("actionNew"))->trigger();
        QTRY_VERIFY(window.document()->filePath().isEmpty());
        QVERIFY(sessions->cached(key(QStringLiteral("Demo login"))));
        QVERIFY(!sessions->cached(key(QStringLiteral("Demo login v2"))));
        QTRY_COMPARE(sessions->pendingOperations(), 0);
    }

    // Going through the resource list with the preview open never opens a login form: a modal at every
    // click or arrow key would take the keyboard. The preview says an app would ask now, and Auth Login
    // does. (Opening the preview on a resource prompts: editDuringALoginSaysItStopped.)
    void selectingAResourceNeverPrompts()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        window.setCurrentResource(0); // Seed walkthrough: no login test
        window.previewDock()->show();
        auto *preview = window.findChild<AuthLoginPreview *>();
        QVERIFY(preview);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        window.setCurrentResource(1); // Demo login, whose login test says "not logged in"
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login"));
        auto *authStatus = preview->findChild<QLabel *>(QStringLiteral("authStatus"));
        QTRY_VERIFY2(authStatus->text().contains(QStringLiteral("press Auth Login")),
                     qPrintable(authStatus->text()));
        QVERIFY(!aDialogIsOpen());
        QVERIFY(!preview->isLoggedIn());
        QCOMPARE(window.demoServer()->counters().logins, 0);
        logInAsTheDemoUser(preview);
        QTRY_VERIFY(preview->isLoggedIn());
        QCOMPARE(window.demoServer()->counters().logins, 1);
        window.document()->undoStack()->setClean();
    }

    // An edit while a login runs stops it (the preview opens the edited resource anew): the preview
    // says so rather than letting the login vanish.
    void editDuringALoginSaysItStopped()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        Resource slow = window.document()->resource(1); // Demo login, whose login now takes 10 s
        auto &steps = slow.customAuth.authWorkflow.steps;
        auto request = std::find_if(steps.begin(), steps.end(), [](const Step &step) {
            return std::holds_alternative<ApiRequestStep>(step);
        });
        QVERIFY(request != steps.end());
        std::get<ApiRequestStep>(*request).method = QStringLiteral("GET");
        std::get<ApiRequestStep>(*request).url = QStringLiteral("{{ DEMO_API }}/delay/10000");
        window.document()->setResource(1, slow, QStringLiteral("Slow login"));
        window.setCurrentResource(1);
        answerTheLoginFormAsTheDemoUser();
        window.previewDock()->show(); // not logged in: it prompts, and the login starts
        auto *preview = window.findChild<AuthLoginPreview *>();
        QVERIFY(preview);
        auto *authStatus = preview->findChild<QLabel *>(QStringLiteral("authStatus"));
        QTRY_VERIFY2(authStatus->text().contains(QStringLiteral("Logging in")),
                     qPrintable(authStatus->text()));

        slow.name = QStringLiteral("Slow login");
        window.document()->setResource(1, slow, QStringLiteral("Rename resource"));
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Slow login"));
        QVERIFY(!preview->isLoggedIn());
        QVERIFY2(authStatus->text().contains(QStringLiteral("stopped")), qPrintable(authStatus->text()));
        window.document()->undoStack()->setClean();
    }

    // The preview's auth events are the resource's: typing in its fields (a new client at each
    // keystroke) and looking at another resource for a while used to clear them.
    void authEventsSurviveEditsAndSwitching()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        // The opening check prompts, as an app does, and logs in.
        AuthLoginPreview *preview = openDemoLoginLoggedIn(window);
        QVERIFY(preview);
        const QString login = QStringLiteral("login (");
        QTRY_VERIFY(eventLogHas(preview, login));

        QPointer<QueryClient> client = preview->client();
        auto *name = window.findChild<QLineEdit *>(QStringLiteral("resourceName"));
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, QStringLiteral(" v2"));
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v2"));
        QVERIFY(!client); // each keystroke made a new client
        QVERIFY(eventLogHas(preview, login));

        client = preview->client();
        Resource edited = window.document()->resource(1);
        edited.headers.append({QStringLiteral("X-Client"), QStringLiteral("studio")});
        window.document()->setResource(1, edited, QStringLiteral("Add header"));
        QTRY_VERIFY(!client);
        QVERIFY(eventLogHas(preview, login));

        window.setCurrentResource(0);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        QVERIFY(!eventLogHas(preview, login)); // that one's own events
        window.setCurrentResource(1);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v2"));
        QVERIFY(eventLogHas(preview, login));

        // Renamed while the other one is shown, it keeps them too; deleted, it takes them along.
        window.setCurrentResource(0);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        Resource renamed = window.document()->resource(1);
        renamed.name = QStringLiteral("Demo login v3");
        window.document()->setResource(1, renamed, QStringLiteral("Rename resource"));
        window.setCurrentResource(1);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v3"));
        QVERIFY(eventLogHas(preview, login));
        window.document()->removeResource(1);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        window.setCurrentResource(window.document()->addResource(renamed));
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login v3"));
        QVERIFY(!eventLogHas(preview, login));
        window.document()->undoStack()->setClean();
    }

    // QA pass 20: importing a resource that reads a variable this workspace lacks asks to add it; the
    // preview, open, must not put its login form over that question (the login would fail on the
    // variable anyway). It shows the resource and waits for Auth Login.
    void importWithMissingVariablesDoesNotPromptALogin()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString exported = dir.filePath(QStringLiteral("demo-login.authstudio-resource.json"));
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        window.setCurrentResource(1);
        FileDialog::setNextPath(exported);
        window.findChild<QAction *>(QStringLiteral("actionExportResource"))->trigger();
        QTRY_VERIFY(QFile::exists(exported));
        window.previewDock()->show();
        DialogPrompter::clearNextAnswer(); // a login form would show, not be answered
        MessagePrompt::setNextAnswer(QMessageBox::Discard);
        window.newWorkspace();
        QTRY_COMPARE(window.document()->resourceCount(), 0);

        const int prompts = MessagePrompt::count();
        MessagePrompt::setNextAnswer(QMessageBox::No);
        FileDialog::setNextPath(exported);
        window.findChild<QAction *>(QStringLiteral("actionImportResource"))->trigger();
        QTRY_COMPARE(window.document()->resourceCount(), 1);
        QTRY_COMPARE(MessagePrompt::count(), prompts + 1);
        QVERIFY(MessagePrompt::lastText().contains(QStringLiteral("{{ DEMO_API }}")));
        auto *preview = window.findChild<AuthLoginPreview *>();
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Demo login"));
        auto *status = preview->findChild<QLabel *>(QStringLiteral("authStatus"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("press Auth Login")), qPrintable(status->text()));
        QVERIFY(!aDialogIsOpen()); // no login form
        window.document()->undoStack()->setClean();
    }

    // File > New and Open put another workspace in the window: the preview's last request, response and
    // timeline, and its auth events, were the old workspace's and go with it.
    void newAndOpenClearTheLastQuery()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("preview.authstudio.json"));
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        FileDialog::setNextPath(path);
        window.findChild<QAction *>(QStringLiteral("actionSaveAs"))->trigger();
        QTRY_COMPARE(window.document()->filePath(), path);
        window.setCurrentResource(0); // the one Open shows first
        window.previewDock()->show();
        auto *preview = window.findChild<AuthLoginPreview *>();
        QVERIFY(preview);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        const auto queryShown = [preview] {
            return !viewText(preview, QStringLiteral("requestView")).isEmpty() ||
                !viewText(preview, QStringLiteral("responseView")).isEmpty() ||
                preview->findChild<QListWidget *>(QStringLiteral("refreshTimeline"))->count() > 0 ||
                preview->findChild<QListWidget *>(QStringLiteral("eventLog"))->count() > 0;
        };
        logInAsTheDemoUser(preview);
        QTRY_VERIFY(preview->isLoggedIn());
        QVERIFY(sendFromThePreview(preview, QStringLiteral("/headers")));
        QVERIFY(viewText(preview, QStringLiteral("responseView")).startsWith(QStringLiteral("HTTP 200")));

        // Open: the same file again, so the same resource with the same session is shown.
        bool opened = false;
        window.openFile(path, [&opened](bool ok) { opened = ok; });
        QTRY_VERIFY(opened);
        QTRY_COMPARE(preview->resourceName(), QStringLiteral("Seed walkthrough"));
        QVERIFY2(!queryShown(), qPrintable(viewText(preview, QStringLiteral("responseView"))));
        // The query typed for it goes too: its path was for the workspace before.
        QVERIFY(preview->findChild<QLineEdit *>(QStringLiteral("queryPath"))->text().isEmpty());

        QVERIFY(sendFromThePreview(preview, QStringLiteral("/headers")));
        QVERIFY(queryShown());
        window.newWorkspace(); // no resources: the preview shows none
        QCOMPARE(window.document()->resourceCount(), 0);
        QVERIFY2(!queryShown(), qPrintable(viewText(preview, QStringLiteral("responseView"))));
        window.document()->undoStack()->setClean();
    }

    // Keychain trouble reaches the status bar, whether the keychain is missing or refuses a session.
    void keychainProblemsShowInTheStatusBar()
    {
        MainWindow window;
        auto *sessions = window.findChild<SessionManager *>();
        QVERIFY(sessions);
        auto *note = window.statusBar()->findChild<QLabel *>(QStringLiteral("sessionStoreStatus"));
        QVERIFY(note);
        Q_EMIT sessions->storeError(QStringLiteral("Reading the session from the keychain failed (denied)."));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Reading the session from the keychain failed (denied)."));
        QVERIFY(note->isHidden()); // nothing lost: the next read tries again
        // A session the keychain refused stays in memory: that stays in sight, with the reason.
        Q_EMIT sessions->storeError(QStringLiteral("Saving the session in the keychain failed (locked)."));
        Q_EMIT sessions->sessionNotSaved(
            QStringLiteral("Saving the session in the keychain failed (locked)."));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Saving the session in the keychain failed (locked)."));
        QVERIFY(!note->isHidden());
        QVERIFY(note->toolTip().contains(QStringLiteral("locked")));
        // The status bar cuts a long reason off; the note's link shows it whole.
        const int prompts = MessagePrompt::count();
        MessagePrompt::setNextAnswer(QMessageBox::Ok);
        Q_EMIT note->linkActivated(QStringLiteral("why"));
        QCOMPARE(MessagePrompt::count(), prompts + 1);
        QCOMPARE(MessagePrompt::lastText(),
                 QStringLiteral("Saving the session in the keychain failed (locked)."));
        Q_EMIT sessions->storeUnavailable(QStringLiteral("No OS keychain is reachable (none)."));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("No OS keychain is reachable (none)."));
    }

    // No session bus at all (this suite's environment): the first session read finds no keychain, the
    // studio says so, and a note stays in the status bar, its tooltip saying why, after the message goes.
    void noKeychainStaysInSight()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("saved.authstudio.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(DemoWorkspace::data());
        file.close();
        MainWindow window;
        window.show();
        bool opened = false;
        window.openFile(path, [&opened](bool ok) { opened = ok; });
        QTRY_VERIFY(opened);
        auto *sessions = window.findChild<SessionManager *>();
        // A keychain that asks its user something (a new keyring's password) gets minutes to be answered;
        // one that isn't there is still said at once, below.
        QVERIFY(sessions->storeTimeoutMs() >= 60000);
        QSignalSpy unavailable(sessions, &SessionManager::storeUnavailable);
        auto *note = window.statusBar()->findChild<QLabel *>(QStringLiteral("sessionStoreStatus"));
        QVERIFY(note);
        QVERIFY(!note->isVisible());
        window.setCurrentResource(1);
        window.previewDock()->show(); // reads the resource's session from the keychain
        QTRY_COMPARE(unavailable.count(), 1);
        QVERIFY(sessions->usingFallback());
        QVERIFY(
            window.statusBar()->currentMessage().startsWith(QStringLiteral("No OS keychain is reachable")));
        QVERIFY(note->isVisible());
        QVERIFY(note->toolTip().contains(QStringLiteral("in memory")));
        window.statusBar()->clearMessage();
        QVERIFY(note->isVisible());
    }

    // Tab reads the window as it is laid out: the resource filter, the list it filters, the workspace
    // variables, the editor, the Test panel, then the preview (QA pass 32: the list came last of all, after
    // the preview). Every tab widget has a name a screen reader can say.
    // A login waiting on a server that doesn't answer is stopped with the same button, which reads
    // "Cancel Login" meanwhile (QA pass 32: it could only be waited out, and Auth Login did nothing).
    void aSlowLoginCanBeCancelled()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        AuthLoginPreview *preview = openDemoLoginLoggedIn(window);
        QVERIFY(preview);
        const StepRef loginRequest {1, WorkflowKind::Auth, 1};
        Step slow = window.document()->step(loginRequest);
        std::get<ApiRequestStep>(slow).method = QStringLiteral("GET");
        std::get<ApiRequestStep>(slow).url = QStringLiteral("{{ DEMO_API }}/delay/20000");
        std::get<ApiRequestStep>(slow).body = {};
        window.document()->setStep(loginRequest, slow, QStringLiteral("Edit URL"));
        QTRY_VERIFY(preview->findChild<QPushButton *>(QStringLiteral("authLoginButton"))->isEnabled());
        auto *button = preview->findChild<QPushButton *>(QStringLiteral("authLoginButton"));
        QCOMPARE(button->text(), QStringLiteral("Auth Login"));

        const int requests = window.demoServer()->counters().requests;
        logInAsTheDemoUser(preview);
        QTRY_COMPARE(window.demoServer()->counters().requests, requests + 1); // waiting at the server
        QCOMPARE(button->text(), QStringLiteral("Cancel Login"));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        auto *status = preview->findChild<QLabel *>(QStringLiteral("authStatus"));
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Login cancelled")),
                     qPrintable(status->text()));
        // The session it had stays, and the status says so.
        QVERIFY(preview->isLoggedIn());
        QVERIFY2(status->text().contains(QStringLiteral("still logged in")), qPrintable(status->text()));
        QCOMPARE(button->text(), QStringLiteral("Auth Login"));
        QVERIFY(eventLogHas(preview, QStringLiteral("cancelled")));
        window.document()->undoStack()->undo();

        // A slow refresh is stopped the same way, and the button says which (QA pass 33: it read "Auth
        // Login" during a refresh, and cancelled it).
        // (Refreshed before every query, so the query's login test passes and the refresh runs.)
        Resource refreshing = window.document()->resource(1);
        refreshing.customAuth.refreshTrigger = CustomAuth::RefreshTrigger::EveryQuery;
        auto &slowRefresh = std::get<ApiRequestStep>(refreshing.customAuth.refreshWorkflow.steps[0]);
        slowRefresh.method = QStringLiteral("GET");
        slowRefresh.url = QStringLiteral("{{ DEMO_API }}/delay/20000");
        slowRefresh.body = {};
        window.document()->setResource(1, refreshing, QStringLiteral("Edit refresh"));
        QTRY_COMPARE(button->text(), QStringLiteral("Auth Login"));
        const int before = window.demoServer()->counters().requests;
        QSignalSpy finished(preview, &AuthLoginPreview::queryFinished);
        preview->findChild<QLineEdit *>(QStringLiteral("queryPath"))->setText(QStringLiteral("/me"));
        QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
        QTRY_COMPARE(window.demoServer()->counters().requests, before + 2); // the login test, the refresh
        QTRY_COMPARE(button->text(), QStringLiteral("Cancel Refresh"));
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Refresh cancelled")),
                     qPrintable(status->text()));
        QCOMPARE(button->text(), QStringLiteral("Auth Login"));
        window.document()->undoStack()->undo();
    }

    // A session is sent only to the servers it logged in for: pointed elsewhere, the preview asks for a
    // login and sends nothing; pointed back, the stored session works, and the header says so again (QA
    // pass 33: it kept saying "Login required").
    void aSessionFollowsItsServer()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        AuthLoginPreview *preview = openDemoLoginLoggedIn(window);
        QVERIFY(preview);
        auto *state = preview->findChild<QLabel *>(QStringLiteral("sessionState"));
        QVERIFY(state);
        QCOMPARE(state->text(), QStringLiteral("Logged in"));
        Resource moved = window.document()->resource(1);
        moved.baseUrl = QStringLiteral("http://127.0.0.1:1");
        window.document()->setResource(1, moved, QStringLiteral("Edit base URL"));
        QVERIFY(sendFromThePreview(preview, QStringLiteral("/me")));
        QVERIFY2(
            viewText(preview, QStringLiteral("responseView")).contains(QStringLiteral("the session is for")),
            qPrintable(viewText(preview, QStringLiteral("responseView"))));
        QCOMPARE(state->text(), QStringLiteral("Login required"));
        window.document()->undoStack()->undo();
        const int logins = window.demoServer()->counters().logins;
        QVERIFY(sendFromThePreview(preview, QStringLiteral("/me")));
        QVERIFY2(viewText(preview, QStringLiteral("responseView")).startsWith(QStringLiteral("HTTP 200")),
                 qPrintable(viewText(preview, QStringLiteral("responseView"))));
        QCOMPARE(window.demoServer()->counters().logins, logins); // the stored session
        QCOMPARE(state->text(), QStringLiteral("Logged in"));
    }

    void tabReadsTheWindowInOrder()
    {
        MainWindow window;
        QVERIFY(showOnTheDemo(window));
        window.setCurrentResource(0); // no login test: the preview opens without a form
        window.previewDock()->show();
        QTRY_VERIFY(window.findChild<AuthLoginPreview *>());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *filter = window.findChild<QLineEdit *>(QStringLiteral("resourceFilter"));
        filter->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), filter);
        QTest::keyClick(filter, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), window.resourceView());

        const auto regionOf = [&window](QWidget *widget) {
            for (QWidget *up = widget; up; up = up->parentWidget()) {
                if (auto *dock = qobject_cast<QDockWidget *>(up))
                    return dock->objectName();
                if (up == window.centralWidget())
                    return QStringLiteral("editor");
                if (up == window.statusBar())
                    return QStringLiteral("statusBar");
            }
            return QString::fromLatin1(widget->metaObject()->className());
        };
        filter->setFocus();
        QStringList regions;
        for (int i = 0; i < 200; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            const QString region = regionOf(focus);
            if (regions.isEmpty() || regions.last() != region)
                regions.append(region);
            QTest::keyClick(focus, Qt::Key_Tab);
            if (QApplication::focusWidget() == filter)
                break;
        }
        QCOMPARE(QApplication::focusWidget(), filter); // the whole cycle was walked
        regions.removeAll(QStringLiteral("statusBar")); // "Sessions not saved", last: no keychain here
        QCOMPARE(regions,
                 (QStringList {QStringLiteral("resourcesDock"), QStringLiteral("variablesDock"),
                               QStringLiteral("editor"), QStringLiteral("runDock"),
                               QStringLiteral("previewDock")}));

        window.resourceEditor()->showStep(WorkflowKind::Auth, 1); // an API Request step: its tabs too
        const QList<QTabWidget *> tabWidgets = window.findChildren<QTabWidget *>();
        QVERIFY(tabWidgets.size() >= 4);
        for (QTabWidget *tabs : tabWidgets) {
            QVERIFY2(!tabs->accessibleName().isEmpty(), qPrintable(tabs->objectName()));
            QCOMPARE(tabs->tabBar()->accessibleName(), tabs->accessibleName());
        }
    }
};

QTEST_MAIN(TestMainWindowPreview)
#include "tst_mainwindow_preview.moc"
