// The benchmark's baseline: a bare Qt Widgets program showing an empty QMainWindow, started the same way
// as the studio. Prints "painted" and quits on its first paint.
#include <QApplication>
#include <QMainWindow>
#include <QPaintEvent>
#include <cstdio>

namespace {
class Window : public QMainWindow
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        if (!m_painted) {
            m_painted = true;
            std::printf("painted\n");
            std::fflush(stdout);
            QMetaObject::invokeMethod(qApp, &QApplication::quit, Qt::QueuedConnection);
        }
    }

private:
    bool m_painted = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Window window;
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}
