import { ActionIcon, Box, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/use-t';
import classes from './Search.module.css';

/** Whether a key press belongs to a field being typed in, where "/" is just a character. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The header's search box: "/" anywhere else on the page puts the cursor in it; Enter opens the results. On a phone
 * the header has no room for it: a button opens the results page, which has its own box.
 */
export function SearchBox() {
  const { t } = useT();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const shown = pathname === '/search' ? (new URLSearchParams(search).get('q') ?? '') : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (words !== '') navigate(`/search?q=${encodeURIComponent(words)}`);
  };

  return (
    <>
      <ActionIcon
        component={Link}
        to="/search"
        variant="subtle"
        size="lg"
        hiddenFrom="sm"
        aria-label={t('search:box.label')}
      >
        <IconSearch size={20} aria-hidden="true" />
      </ActionIcon>
      <Box visibleFrom="sm" className={classes.box}>
        <search aria-label={t('search:box.label')}>
          <form onSubmit={submit}>
            <TextInput
              ref={input}
              type="search"
              aria-label={t('search:box.label')}
              aria-keyshortcuts="/"
              placeholder={t('search:box.placeholder')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              maxLength={200}
            />
          </form>
        </search>
      </Box>
    </>
  );
}
