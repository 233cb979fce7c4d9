import { Box, Button, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLanguage } from '@tabler/icons-react';
import { interfaceLanguages } from '../../shared/languages';
import { notifyError } from '../components/notify';
import { useT } from '../i18n/use-t';
import { useLanguageSwitch } from '../session/session';

/** Each language is named in itself (and marked up in it), so anyone can find their own. */
export function LanguageMenu() {
  const { t, i18n } = useT();
  const { switchTo, pending } = useLanguageSwitch();
  const current = interfaceLanguages.find((l) => l.code === i18n.language) ?? interfaceLanguages[0];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          loading={pending}
          leftSection={<IconLanguage size={18} aria-hidden="true" />}
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          aria-label={t('common:language.button', { language: current.nativeName })}
        >
          <Box component="span" lang={current.code} visibleFrom="xs">
            {current.nativeName}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common:language.label')}</Menu.Label>
        {interfaceLanguages.map((language) => (
          <Menu.Item
            key={language.code}
            lang={language.code}
            dir={language.dir}
            aria-current={language.code === current.code ? 'true' : undefined}
            rightSection={language.code === current.code ? <IconCheck size={16} aria-hidden="true" /> : null}
            onClick={() => switchTo(language.code).catch(notifyError)}
          >
            {language.nativeName}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
