#ifndef BINDERY_CLIBZIP_SHIM_H
#define BINDERY_CLIBZIP_SHIM_H
#include <zip.h>
#endif
