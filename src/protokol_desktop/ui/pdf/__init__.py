"""PDF documents drawn with Qt's own PDF writer (``QPdfWriter`` + ``QPainter``), no extra dependency."""
