#include "application.h"

int main(int argc, char** argv) { return sv::runApplication(argc, argv); }
