#ifndef BINDERY_CPOPPLER_SHIM_H
#define BINDERY_CPOPPLER_SHIM_H
#include <poppler.h>
#endif
