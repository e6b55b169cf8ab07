// cairo and its PDF surface, for the tests that draw PDFs (BinderyPDFTests).
#include <cairo.h>
#include <cairo-pdf.h>
