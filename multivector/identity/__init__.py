"""Event identity and event time, kept in the store (``Store`` calls ``update`` in its write transactions).

* ``timing.read_time``: when an event happened ("on Tuesday", "in 2019", "last month") and whether it is
  new, recent or background news;
* ``clusters``: the mentions of one happening become one *event* (GDELT's unit) and one *interaction* (the
  unit of pole shares; symmetric families counted once whichever direction was coded);
* ``update``: fills the store's event time columns and ``clusters`` table.
"""
