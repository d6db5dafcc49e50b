#pragma once

namespace sv {

// The program: a command (places, events, export…) or the window. Only
// dispatches: the commands are in cli/, the window in mainwindow.h.
int runApplication(int argc, char** argv);

} // namespace sv
